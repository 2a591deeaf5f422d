#!/usr/bin/env python3
"""Writes fixtures/real/*-python-docx.docx: the clean Jiangsu, Sichuan and MIIT
(one layout, Jiangsu's wording; MIIT's recognition pairs side by side), Wuxi
and CCID applications of
fixtures/data/ laid out the way another office might type them — not from our
template. python-docx builds it (other hands than ours):
a title split across runs, section headings, 4-column label|value rows,
标签：值 paragraphs with full-width digits and units in the value, checkbox
glyphs, a year table with a unit column (集群总产值 in 万元), a key|value table
of counts with units, a 是/否 checklist table for the negative list, and lists
with 序号 columns in their own order; for Wuxi, a choice of 机构类型 with
another edition's options, a merged 主要收入来源 row, a 是/否 table of rules and
the 服务能力 sections as headings with paragraphs under them; for CCID, √
among boxes, 是/否 tables and lists headed in their own words.

    .venv-bench/bin/python scripts/foreign-layout.py   (scripts/bench makes the venv)
"""
import json
import pathlib
import sys

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

root = pathlib.Path(__file__).resolve().parent.parent
def sme_cluster(data, title_text, name):
    d = json.load(open(root / 'fixtures/data' / data, encoding='utf-8'))['documents'][0]['fields']
    out = root / 'fixtures/real' / name
    years = ['2021', '2022', '2023']

    doc = Document()
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run(title_text).bold = True
    title.add_run('申报书').bold = True

    doc.add_paragraph('一、申报单位基本情况')
    table = doc.add_table(rows=0, cols=4)
    for a, b, c, e in [('申报单位名称', d['applicant_name'], '统一社会信用代码', d['applicant_uscc']),
                       ('法定代表人', d['legal_rep'], '联系人', d['contact_name']),
                       ('联系电话', d['contact_phone'], '申报日期',
                        '{}年{}月{}日'.format(*[int(x) for x in d['application_date'].split('-')]))]:
        cells = table.add_row().cells
        cells[0].text, cells[1].text, cells[2].text, cells[3].text = a, b, c, e

    doc.add_paragraph('二、集群基本情况')
    doc.add_paragraph('集群名称：' + d['cluster_name'])
    if 'provincial_recognition' in d:
        # MIIT: the prior provincial recognition, as one line of pairs and a yes/no.
        doc.add_paragraph('省级集群认定文号：{}    省级集群认定年份：{}年'.format(d['provincial_recognition'], d['provincial_year']))
        doc.add_paragraph('是否首批申报：{}是 {}否'.format('☑' if d['first_batch'] else '□', '□' if d['first_batch'] else '☑'))
    if 'special_area' in d:
        doc.add_paragraph('是否属于民族地区或革命老区：{}是 {}否'.format('☑' if d['special_area'] else '□', '□' if d['special_area'] else '☑'))
    doc.add_paragraph('所在县（市、区）：' + d['county'] + '    主导产业：' + d['leading_industry'])
    doc.add_paragraph('细分领域：' + d['niche'])
    doc.add_paragraph('集群占地面积：' + str(d['area_km2']).translate(str.maketrans('0123456789.', '０１２３４５６７８９．')) + '平方公里')
    doc.add_paragraph('运营管理机构名称：' + d['operator_name'])
    doc.add_paragraph('运营管理机构统一社会信用代码：' + d['operator_uscc'])
    doc.add_paragraph('集群从业人员数：{:g}万人'.format(d['employees'] / 10000))
    doc.add_paragraph('是否设立管委会等运营管理机构：☑是 □否')
    doc.add_paragraph('是否制定三年发展规划：■是 □否')
    doc.add_paragraph('是否参与国际合作交流：是')

    doc.add_paragraph('三、主要经济指标')
    series = doc.add_table(rows=1, cols=5)
    for i, text in enumerate(['指标名称', '单位', '2021年', '2022年', '2023年']):
        series.rows[0].cells[i].text = text
    def series_row(label, unit, values):
        cells = series.add_row().cells
        cells[0].text, cells[1].text = label, unit
        for i, value in enumerate(values):
            cells[2 + i].text = value
    series_row('集群总产值', '万元', ['{:,.0f}'.format(d['total_output'][y] * 10000) for y in years])
    for field, label, unit in [('sme_output', '中小企业产值', '亿元'), ('sme_share', '中小企业产值占比', '%'),
                               ('leading_output', '主导产业产值', '亿元'), ('leading_share', '主导产业产值占比', '%'),
                               ('rd_expense', '中小企业研发经费', '万元'), ('invention_patents', '有效发明专利数', '件')]:
        series_row(label, unit, [str(d[field][y]) for y in years])

    doc.add_paragraph('四、创新与发展')
    counts = doc.add_table(rows=0, cols=2)
    for label, value in [('主导产业产值年均增速', '{}%'.format(d['leading_cagr'])),
                         ('中小企业研发经费年均增长率（%）', str(d['rd_growth'])),
                         ('有效发明专利年均增长率', '{}%'.format(d['patent_growth'])),
                         ('每万人发明专利拥有量', '{}件'.format(d['patents_per_10k'])),
                         ('制造业单项冠军企业数', '{}家'.format(d['champion_count'])),
                         ('专精特新“小巨人”企业数', '{}家'.format(d['little_giant_count'])),
                         ('专精特新中小企业数', '４家' if d['sri_sme_count'] == 4 else str(d['sri_sme_count'])),
                         ('高新技术企业数', str(d['hnte_count'])),
                         *([('优质中小企业数', '{}家'.format(d['quality_sme_count']))] if 'quality_sme_count' in d else []),
                         ('开展制造资源共享工作', '{}项'.format(d['sharing_initiatives'])),
                         ('省级及以上创新平台数', '{}个'.format(d['platform_count'])),
                         ('参与制定国家标准、行业标准', '{}项'.format(d['standards_count'])),
                         ('企业上云或上标识比例', '{}%'.format(d['cloud_rate'])),
                         ('工业互联网平台应用普及率', '{}%'.format(d['iip_rate'])),
                         ('省级以上智能制造、工业互联网试点示范项目', '{}个'.format(d['demo_projects']))]:
        cells = counts.add_row().cells
        cells[0].text, cells[1].text = label, value

    doc.add_paragraph('五、负面清单（请在对应栏内打√）')
    checklist = doc.add_table(rows=1, cols=4)
    for i, text in enumerate(['序号', '事项', '是', '否']):
        checklist.rows[0].cells[i].text = text
    for n, (label, field) in enumerate([('是否属于高耗能行业', 'high_energy'),
                                        ('能效水平是否高于行业基准值', 'energy_above_baseline'),
                                        ('是否属于高用水行业', 'high_water'),
                                        ('水效水平是否高于行业基准值', 'water_above_baseline'),
                                        ('主导产业是否属于禁止、限制和淘汰类', 'neg_restricted'),
                                        ('近三年是否发生重大及以上安全、质量和环境污染事故', 'neg_accident'),
                                        ('近三年是否发生重大及以上网络安全事件和数据安全事件', 'neg_cyber'),
                                        ('是否存在偷税漏税、严重失信等重大违法违规行为', 'neg_tax')], start=1):
        cells = checklist.add_row().cells
        cells[0].text, cells[1].text = str(n), label
        cells[2 if d[field] else 3].text = '√'

    type_names = {'champion': '制造业单项冠军', 'little_giant': '专精特新“小巨人”', 'sri_sme': '专精特新中小企业',
                  'hnte': '高新技术企业', 'innovative_sme': '创新型中小企业'}
    def list_table(heading, header, rows):
        doc.add_paragraph(heading)
        table = doc.add_table(rows=1, cols=len(header))
        for i, text in enumerate(header):
            table.rows[0].cells[i].text = text
        for n, values in enumerate(rows, start=1):
            cells = table.add_row().cells
            for i, text in enumerate([str(n)] + values):
                cells[i].text = text

    list_table('附表1  集群重点企业名单', ['序号', '企业名称', '资质类型', '统一社会信用代码', '认定年份', '证书编号'],
               [[e['name'], type_names[e['type']], e['uscc'], '{}年'.format(e['year']), e['cert_no']] for e in d['enterprises']])
    list_table('附表2  创新平台名单', ['序号', '平台名称', '依托单位', '级别'],
               [[p['name'], p['host'], p['level']] for p in d['platforms']])
    list_table('附表3  参与制定标准名单', ['序号', '标准名称', '标准号', '类别'],
               [[s['name'], s['number'], s['category']] for s in d['standards']])

    doc.core_properties.author = 'another office'
    doc.save(out)
    print(out)


sme_cluster('jiangsu-clean.json', '江苏省中小企业特色产业集群', '江苏申报书-python-docx.docx')
sme_cluster('sichuan-clean.json', '四川省中小企业特色产业集群', '四川申报书-python-docx.docx')
sme_cluster('miit-clean.json', '中小企业特色产业集群', '国家级集群申报书-python-docx.docx')

# Wuxi: 无锡市重点产业集群促进机构申报书
w = json.load(open(root / 'fixtures/data/wuxi-clean.json', encoding='utf-8'))['documents'][0]['fields']
doc = Document()
doc.add_paragraph('附件1')
doc.add_paragraph('无锡市重点产业集群促进机构申报书')
doc.add_paragraph('填报日期：{}年{}月{}日'.format(*[int(x) for x in w['application_date'].split('-')]))
doc.add_paragraph('一、机构基本情况')
basics = doc.add_table(rows=0, cols=4)
established = w['established'].split('-')
for a, b, c, e in [('机构名称', w['applicant_name'], '统一社会信用代码', w['applicant_uscc']),
                   ('法定代表人', w['legal_rep'], '成立时间', '{}.{}.{}'.format(established[0], int(established[1]), int(established[2]))),
                   ('机构类型', '□企业 □研究院（所） {}行业协会 □联盟组织 □其他'.format('■' if w['org_type'] == '行业协会' else '□'),
                    '工作人员数', '{}人'.format(w['staff_count'])),
                   ('注册地址', w['registered_address'], '办公地址', w['office_address']),
                   ('服务集群', w['cluster_served'], '信用评价等级', w['declared_credit_grade']),
                   ('联系人', w['contact_name'], '联系方式', w['contact_phone'])]:
    cells = basics.add_row().cells
    cells[0].text, cells[1].text, cells[2].text, cells[3].text = a, b, c, e
cells = basics.add_row().cells
cells[0].text = '主要收入来源'
cells[1].merge(cells[3]).text = w['revenue_sources']
doc.add_paragraph('二、核心团队')
team = doc.add_table(rows=1, cols=4)
for i, text in enumerate(['序号', '姓名', '职务', '职称/执业资格']):
    team.rows[0].cells[i].text = text
for n, m in enumerate(w['core_members'], start=1):
    cells = team.add_row().cells
    for i, text in enumerate([str(n), m['name'], m['title'], m['qualification']]):
        cells[i].text = text
doc.add_paragraph('三、内部管理制度（请打√）')
rules = doc.add_table(rows=1, cols=3)
for i, text in enumerate(['制度', '是', '否']):
    rules.rows[0].cells[i].text = text
for label, field in [('行政管理制度', 'rules_admin'), ('财务管理制度', 'rules_finance'),
                     ('人事管理制度', 'rules_hr'), ('资产管理制度', 'rules_assets')]:
    cells = rules.add_row().cells
    cells[0].text = label
    cells[1 if w[field] else 2].text = '√'
doc.add_paragraph('四、服务能力')
for n, (heading, field) in enumerate([('集群发展监测分析', 'capability_monitoring'), ('集群发展交流合作', 'capability_exchange'),
                                      ('集群发展服务保障', 'capability_services'), ('集群发展规划研究', 'capability_planning')]):
    doc.add_paragraph('（{}）{}'.format('一二三四'[n], heading))
    doc.add_paragraph(w[field])
doc.add_paragraph('五、附件')
doc.add_paragraph('初审推荐文件：{}是 □否'.format('☑' if w['recommendation_doc'] else '□'))
doc.core_properties.author = 'another office'
out = root / 'fixtures/real/无锡申报书-python-docx.docx'
doc.save(out)
print(out)

# CCID: 先进制造业集群发展促进组织建设情况自评表 — a choice with √ among boxes,
# 是/否 tables, lists whose header says 人数/组成形式/职能 in its own words.
c_ = json.load(open(root / 'fixtures/data/ccid-clean.json', encoding='utf-8'))['documents'][0]['fields']
doc = Document()
doc.add_paragraph('先进制造业集群发展促进组织建设情况自评表')
doc.add_paragraph('填报单位（盖章）：' + c_['applicant_name'] + '        填报日期：2024年9月12日')
doc.add_paragraph('一、基本信息')
t = doc.add_table(rows=0, cols=4)
def r4(a, b, c, e):
    x = t.add_row().cells; x[0].text, x[1].text, x[2].text, x[3].text = a, b, c, e
r4('组织名称', c_['applicant_name'], '统一社会信用代码', c_['applicant_uscc'])
r4('法定代表人', c_['legal_rep'], '组织性质', '□事业单位 √社会团体 □社会服务机构 □营利性中介组织 □联合体')
r4('服务集群', c_['cluster_served'], '开办资金', '50万元')
r4('联系人', c_['contact_name'], '联系电话', c_['contact_phone'])
doc.add_paragraph('二、基础条件')
b = doc.add_table(rows=1, cols=3)
for i, h in enumerate(['项目', '是', '否']): b.rows[0].cells[i].text = h
for lab in ['是否建立党组织', '是否制定组织章程', '是否有固定办公地点']:
    c = b.add_row().cells; c[0].text = lab; c[1].text = '√'
doc.add_paragraph('收入来源：☑会员会费 ☑政府拨款 □社会捐赠 ☑服务收入 □其他')
doc.add_paragraph('三、人员配备')
s = doc.add_table(rows=1, cols=3)
for i, h in enumerate(['人员类别', '人数', '备注']): s.rows[0].cells[i].text = h
for r in c_['staff']:
    c = s.add_row().cells; c[0].text = r['category']; c[1].text = str(r['count']) + '人'
doc.add_paragraph('四、组织架构')
g = doc.add_table(rows=1, cols=2)
for i, h in enumerate(['层级', '组成形式']): g.rows[0].cells[i].text = h
for r in c_['governance']:
    c = g.add_row().cells; c[0].text = r['layer']; c[1].text = r['body']
doc.add_paragraph('五、制度建设（请打√）')
p = doc.add_table(rows=1, cols=3)
for i, h in enumerate(['制度', '是', '否']): p.rows[0].cells[i].text = h
for lab in ['人事管理制度', '财务管理制度', '档案管理制度', '行政管理制度', '业务管理制度', '保密安全管理制度',
            '公开会费或服务收费标准', '独立财务和银行账户', '信息披露制度', '知识产权管理制度']:
    c = p.add_row().cells; c[0].text = lab; c[1].text = '√'
doc.add_paragraph('六、履职情况')
a = doc.add_table(rows=1, cols=4)
for i, h in enumerate(['序号', '职能', '活动次数', '主要活动内容']): a.rows[0].cells[i].text = h
for n, r in enumerate(c_['activities'], 1):
    c = a.add_row().cells; c[0].text = str(n); c[1].text = r['function']; c[2].text = str(r['count']) + '次'; c[3].text = r['description']
doc.core_properties.author = 'another office'
out = root / 'fixtures/real/促进组织自评表-python-docx.docx'
doc.save(out)
print(out)
