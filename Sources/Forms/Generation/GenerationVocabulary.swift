/// A city or county a generated applicant is registered in, with its
/// GB/T 2260 division code (positions 3–8 of every 统一社会信用代码 issued there).
struct Place: Hashable, Sendable {
    let code: String
    let province: String
    let city: String
    /// nil for a prefecture-level city itself.
    let county: String?
    let areaCode: String

    var provinceCode: String { String(code.prefix(2)) }
    var prefectureCode: String { String(code.prefix(4)) }
    var isCity: Bool { county == nil }
    /// 苏州市吴中区, or 无锡市.
    var fullName: String { city + (county ?? "") }
    /// 苏州.
    var cityShort: String { Place.short(city) }
    /// 吴中 (吴中区), 海安 (海安市), 如东 (如东县).
    var countyShort: String? { county.map(Place.short) }
    /// How an authority of the place is named: a county-level city stands
    /// alone (海安市工业和信息化局), a district or county follows its city.
    var formalName: String {
        guard let county else { return city }
        return county.hasSuffix("市") ? county : city + county
    }
    /// The name a company of this place starts with.
    var localName: String { countyShort ?? cityShort }

    private static func short(_ name: String) -> String {
        guard name.count > 2, let last = name.last, "市区县".contains(last) else { return name }
        return String(name.dropLast())
    }
}

/// An industry a generated cluster works in: the words its names, platforms
/// and standards are made of.
struct Industry: Sendable {
    /// What the cluster is named after: 苏州市吴中区「工业机器人核心零部件」产业集群.
    let clusterWord: String
    let leadingIndustry: String
    let niches: [String]
    /// The trade part of a company name: 苏州恒迈「伺服电机」有限公司.
    let products: [String]
    /// What a research platform is about: 江苏省「精密减速器」工程技术研究中心.
    let platformStems: [String]
    let standards: [String]
    /// The industry-standard series (JB/T, QC/T …) its 行业标准 are numbered in.
    let sectorStandard: String
}

/// Word lists for plausible names. Divisions are real GB/T 2260 codes, so a
/// generated code's positions 3–8 agree with the place its holder is named after.
enum GenerationVocabulary {
    static let places: [Place] = {
        func p(_ code: String, _ province: String, _ city: String, _ county: String?, _ area: String) -> Place {
            Place(code: code, province: province, city: city, county: county, areaCode: area)
        }
        return [
            // 江苏省
            p("320100", "江苏省", "南京市", nil, "025"),
            p("320115", "江苏省", "南京市", "江宁区", "025"),
            p("320117", "江苏省", "南京市", "溧水区", "025"),
            p("320118", "江苏省", "南京市", "高淳区", "025"),
            p("320200", "江苏省", "无锡市", nil, "0510"),
            p("320205", "江苏省", "无锡市", "锡山区", "0510"),
            p("320206", "江苏省", "无锡市", "惠山区", "0510"),
            p("320211", "江苏省", "无锡市", "滨湖区", "0510"),
            p("320213", "江苏省", "无锡市", "梁溪区", "0510"),
            p("320214", "江苏省", "无锡市", "新吴区", "0510"),
            p("320281", "江苏省", "无锡市", "江阴市", "0510"),
            p("320282", "江苏省", "无锡市", "宜兴市", "0510"),
            p("320300", "江苏省", "徐州市", nil, "0516"),
            p("320381", "江苏省", "徐州市", "新沂市", "0516"),
            p("320382", "江苏省", "徐州市", "邳州市", "0516"),
            p("320400", "江苏省", "常州市", nil, "0519"),
            p("320411", "江苏省", "常州市", "新北区", "0519"),
            p("320412", "江苏省", "常州市", "武进区", "0519"),
            p("320413", "江苏省", "常州市", "金坛区", "0519"),
            p("320481", "江苏省", "常州市", "溧阳市", "0519"),
            p("320500", "江苏省", "苏州市", nil, "0512"),
            p("320505", "江苏省", "苏州市", "虎丘区", "0512"),
            p("320506", "江苏省", "苏州市", "吴中区", "0512"),
            p("320507", "江苏省", "苏州市", "相城区", "0512"),
            p("320509", "江苏省", "苏州市", "吴江区", "0512"),
            p("320581", "江苏省", "苏州市", "常熟市", "0512"),
            p("320582", "江苏省", "苏州市", "张家港市", "0512"),
            p("320583", "江苏省", "苏州市", "昆山市", "0512"),
            p("320585", "江苏省", "苏州市", "太仓市", "0512"),
            p("320600", "江苏省", "南通市", nil, "0513"),
            p("320623", "江苏省", "南通市", "如东县", "0513"),
            p("320681", "江苏省", "南通市", "启东市", "0513"),
            p("320682", "江苏省", "南通市", "如皋市", "0513"),
            p("320685", "江苏省", "南通市", "海安市", "0513"),
            p("320900", "江苏省", "盐城市", nil, "0515"),
            p("320981", "江苏省", "盐城市", "东台市", "0515"),
            p("321100", "江苏省", "镇江市", nil, "0511"),
            p("321181", "江苏省", "镇江市", "丹阳市", "0511"),
            p("321182", "江苏省", "镇江市", "扬中市", "0511"),
            p("321200", "江苏省", "泰州市", nil, "0523"),
            p("321281", "江苏省", "泰州市", "兴化市", "0523"),
            p("321282", "江苏省", "泰州市", "靖江市", "0523"),
            p("321283", "江苏省", "泰州市", "泰兴市", "0523"),
            // 四川省
            p("510100", "四川省", "成都市", nil, "028"),
            p("510112", "四川省", "成都市", "龙泉驿区", "028"),
            p("510114", "四川省", "成都市", "新都区", "028"),
            p("510115", "四川省", "成都市", "温江区", "028"),
            p("510116", "四川省", "成都市", "双流区", "028"),
            p("510117", "四川省", "成都市", "郫都区", "028"),
            p("510181", "四川省", "成都市", "都江堰市", "028"),
            p("510182", "四川省", "成都市", "彭州市", "028"),
            p("510183", "四川省", "成都市", "邛崃市", "028"),
            p("510184", "四川省", "成都市", "崇州市", "028"),
            p("510600", "四川省", "德阳市", nil, "0838"),
            p("510681", "四川省", "德阳市", "广汉市", "0838"),
            p("510682", "四川省", "德阳市", "什邡市", "0838"),
            p("510683", "四川省", "德阳市", "绵竹市", "0838"),
            p("510700", "四川省", "绵阳市", nil, "0816"),
            p("510781", "四川省", "绵阳市", "江油市", "0816"),
            p("511000", "四川省", "内江市", nil, "0832"),
            p("511025", "四川省", "内江市", "资中县", "0832"),
            p("511100", "四川省", "乐山市", nil, "0833"),
            p("511112", "四川省", "乐山市", "五通桥区", "0833"),
            p("511181", "四川省", "乐山市", "峨眉山市", "0833"),
            p("511500", "四川省", "宜宾市", nil, "0831"),
            p("511502", "四川省", "宜宾市", "翠屏区", "0831"),
            p("511504", "四川省", "宜宾市", "叙州区", "0831"),
            p("511600", "四川省", "广安市", nil, "0826"),
            p("511681", "四川省", "广安市", "华蓥市", "0826"),
            // Cities elsewhere, for the national promotion-organisation scheme.
            p("330100", "浙江省", "杭州市", nil, "0571"),
            p("330200", "浙江省", "宁波市", nil, "0574"),
            p("340100", "安徽省", "合肥市", nil, "0551"),
            p("370200", "山东省", "青岛市", nil, "0532"),
            p("410100", "河南省", "郑州市", nil, "0371"),
            p("420100", "湖北省", "武汉市", nil, "027"),
            p("430100", "湖南省", "长沙市", nil, "0731"),
            p("430200", "湖南省", "株洲市", nil, "0731"),
            p("430300", "湖南省", "湘潭市", nil, "0731"),
            p("440300", "广东省", "深圳市", nil, "0755"),
            p("440600", "广东省", "佛山市", nil, "0757"),
        ]
    }()

    /// The one-character name a province's documents are numbered with (苏工信…).
    static let provinceAbbreviations: [String: String] = [
        "32": "苏", "51": "川", "33": "浙", "34": "皖", "37": "鲁", "41": "豫", "42": "鄂", "43": "湘", "44": "粤",
    ]

    static let industries: [Industry] = [
        Industry(clusterWord: "工业机器人核心零部件", leadingIndustry: "工业机器人",
                 niches: ["精密减速器、伺服电机及运动控制器", "机器人关节模组及控制系统"],
                 products: ["精密传动科技", "伺服电机", "运动控制技术", "智能装备", "编码器科技", "传感技术", "精工轴承", "机器人科技", "数控系统"],
                 platformStems: ["精密减速器", "伺服驱动与运动控制", "工业机器人关节模组", "机器人精密传感器", "智能控制系统", "精密轴承"],
                 standards: ["工业机器人用精密摆线针轮减速器", "机器人用伺服电动机技术条件", "工业机器人关节模组性能测试方法",
                             "协作机器人安全要求", "机器人用谐波齿轮减速器"],
                 sectorStandard: "JB/T"),
        Industry(clusterWord: "新能源汽车零部件", leadingIndustry: "汽车零部件制造",
                 niches: ["驱动电机及电控系统", "动力电池结构件及热管理系统"],
                 products: ["汽车部件", "电驱科技", "热管理系统", "精密压铸", "电池结构件", "新能源科技", "汽车电子", "线束科技"],
                 platformStems: ["新能源汽车驱动电机", "动力电池热管理", "汽车轻量化材料", "车用电子控制", "汽车精密压铸", "智能网联汽车部件"],
                 standards: ["电动汽车用驱动电机系统可靠性试验方法", "电动汽车动力电池箱通用要求", "汽车用铝合金压铸件技术条件",
                             "新能源汽车热管理系统性能要求", "车用电子控制单元环境试验"],
                 sectorStandard: "QC/T"),
        Industry(clusterWord: "集成电路", leadingIndustry: "集成电路制造",
                 niches: ["集成电路封装测试", "功率半导体器件"],
                 products: ["微电子", "半导体", "芯片科技", "封装测试", "电子材料", "功率器件", "传感科技", "集成电路"],
                 platformStems: ["集成电路先进封装", "功率半导体器件", "半导体检测", "电子专用材料", "芯片设计验证", "微电子可靠性"],
                 standards: ["集成电路封装引线框架通用规范", "功率半导体模块热阻测试方法", "半导体分立器件可靠性试验方法",
                             "集成电路测试通用技术要求", "晶圆级封装凸点技术要求"],
                 sectorStandard: "SJ/T"),
        Industry(clusterWord: "生物医药", leadingIndustry: "医药制造",
                 niches: ["化学原料药及制剂", "医疗器械及体外诊断试剂"],
                 products: ["药业", "生物科技", "医药科技", "制药", "医疗器械", "生物技术", "诊断技术", "健康科技"],
                 platformStems: ["生物医药创新", "新型药物制剂", "体外诊断试剂", "医疗器械检测", "中药现代化", "生物药物工程"],
                 standards: ["医用输液器具通用技术要求", "体外诊断试剂稳定性评价方法", "药用辅料质量控制通则",
                             "一次性使用无菌注射器技术条件", "生物制品冷链运输规范"],
                 sectorStandard: "YY/T"),
        Industry(clusterWord: "纺织服装", leadingIndustry: "纺织业",
                 niches: ["功能性面料及家纺制品", "高端针织服装"],
                 products: ["纺织", "服饰", "家纺", "面料科技", "印染", "针织", "化纤", "织造"],
                 platformStems: ["功能性纺织材料", "纺织印染节能", "高性能纤维", "智能纺织装备", "家纺产品设计", "针织工艺"],
                 standards: ["功能性针织面料通用技术要求", "家用纺织品抗菌性能评价", "纺织品吸湿速干性能测试方法",
                             "针织运动服装技术规范", "再生纤维素纤维织物"],
                 sectorStandard: "FZ/T"),
        Industry(clusterWord: "智能家电", leadingIndustry: "家用电器制造",
                 niches: ["智能小家电", "厨房电器及热水器"],
                 products: ["电器", "家电", "智能科技", "电子电器", "厨电", "电机", "温控科技", "环境电器"],
                 platformStems: ["智能家电控制", "家电节能技术", "厨房电器", "小家电工业设计", "家电电机", "家用空气处理"],
                 standards: ["家用和类似用途电器智能化评价方法", "电饭锅能效测试方法", "家用吸尘器性能测试方法",
                             "家用空气净化器技术要求", "智能厨房电器互联互通要求"],
                 sectorStandard: "QB/T"),
        Industry(clusterWord: "光伏新能源", leadingIndustry: "光伏设备及元器件制造",
                 niches: ["高效光伏电池片及组件", "光伏玻璃及封装材料"],
                 products: ["光伏科技", "新能源", "光电", "硅材料", "能源科技", "晶硅科技", "储能技术", "光能"],
                 platformStems: ["高效光伏电池", "光伏组件封装", "晶硅材料", "光伏储能系统", "光伏玻璃", "新能源并网"],
                 standards: ["晶体硅光伏组件可靠性测试方法", "光伏组件用封装胶膜技术要求", "太阳能电池片外观检验规范",
                             "光伏储能系统安全要求", "光伏玻璃透光率测试方法"],
                 sectorStandard: "SJ/T"),
        Industry(clusterWord: "复合调味品", leadingIndustry: "调味品制造",
                 niches: ["豆瓣酱及川菜复合调味料", "酱油及食醋"],
                 products: ["调味品", "食品", "酿造", "酱业", "食品科技", "农产品加工", "香料", "生物发酵"],
                 platformStems: ["复合调味料", "发酵调味品", "调味品质量检测", "食品生物发酵", "香辛料深加工", "传统酿造工艺"],
                 standards: ["复合调味料通用技术要求", "豆瓣酱质量通则", "酿造酱油生产技术规范", "调味品微生物检验方法", "香辛料调味品质量要求"],
                 sectorStandard: "SB/T"),
        Industry(clusterWord: "锻压装备", leadingIndustry: "锻压装备制造",
                 niches: ["数控锻压机床及伺服压力机", "精密锻件及锻造模具"],
                 products: ["锻压机床", "液压机械", "锻造装备", "精锻模具", "数控机械", "伺服压力机", "自动化科技", "机械制造"],
                 platformStems: ["数控锻压装备", "伺服压力机", "精密锻造模具", "锻压机床", "锻造工艺", "液压成形"],
                 standards: ["锻压机械安全技术要求", "数控折弯机精度", "闭式多连杆高速精密压力机", "伺服压力机通用技术条件", "液压机能耗测试方法"],
                 sectorStandard: "JB/T"),
        Industry(clusterWord: "物联网", leadingIndustry: "物联网",
                 niches: ["智能传感器及物联网模组", "工业物联网平台"],
                 products: ["物联科技", "传感科技", "智能科技", "信息技术", "电子科技", "通信技术", "数据科技", "智联科技"],
                 platformStems: ["物联网感知技术", "智能传感器", "工业物联网", "物联网安全", "无线通信模组", "边缘计算"],
                 standards: ["物联网感知设备通用技术要求", "工业物联网网关技术规范", "智能传感器接口规范", "物联网终端安全要求", "无线传感网络测试方法"],
                 sectorStandard: "YD/T"),
        Industry(clusterWord: "先进轨道交通装备", leadingIndustry: "轨道交通装备制造",
                 niches: ["轨道交通牵引传动系统", "城轨车辆及关键部件"],
                 products: ["轨道交通装备", "电气科技", "机车配件", "牵引技术", "精密制造", "车辆部件", "制动科技", "智能装备"],
                 platformStems: ["轨道交通牵引传动", "轨道车辆制动", "轨道交通装备可靠性", "城轨车辆轻量化", "轨道交通电气", "列车网络控制"],
                 standards: ["轨道交通机车车辆牵引变流器", "城市轨道交通车辆制动系统", "轨道交通车载电子设备", "动车组转向架技术条件", "轨道交通牵引电机试验方法"],
                 sectorStandard: "TB/T"),
        Industry(clusterWord: "工程机械", leadingIndustry: "工程机械制造",
                 niches: ["混凝土机械及起重机械", "工程机械液压件"],
                 products: ["重工", "机械", "液压科技", "工程机械", "传动技术", "智能装备", "铸锻", "起重设备"],
                 platformStems: ["工程机械液压", "智能施工装备", "起重机械安全", "工程机械再制造", "传动系统", "工程机械电控"],
                 standards: ["工程机械液压缸技术条件", "混凝土泵车安全要求", "履带式起重机可靠性试验方法", "工程机械电控系统通用要求", "挖掘机燃油消耗测试方法"],
                 sectorStandard: "JB/T"),
    ]

    /// Two of these make the distinctive part of a company name (恒迈, 精创).
    static let brandCharacters = Array("华宏鑫瑞恒泰盛达联创嘉欣科源通宇锐德信博远捷正润丰力凯晨卓昊安弘立顺汇富诚越天精迈拓铭衡维澄云亿晟金海")

    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈")
    static let givenCharacters = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚华建国文辉志红宇晨欣婷鹏浩斌晓立群东海峰琳雪梅慧俊宁嘉振卫")

    static let roads = ["人民路", "解放路", "建设路", "中山路", "长江路", "太湖大道", "金城路", "学府路", "科技大道", "创新大道", "新华路", "湖滨路"]

    /// Registration-authority prefixes of the 团体标准 a cluster's companies draft.
    static let associationStandards = ["T/CMIF", "T/CAMS", "T/CESA", "T/CNTAC", "T/CCIA"]

    static let platformKinds = ["工程技术研究中心", "工程研究中心", "企业技术中心", "重点实验室"]
}
