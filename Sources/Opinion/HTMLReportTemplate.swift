/// The Mustache templates of `summary.html` (kept in Swift so no resource
/// bundle is needed). Every value goes through `{{ }}`, which HTML-escapes
/// `< > & " '`; there is no `{{{ }}}` anywhere, so nothing from a submission
/// can become markup. The script is ES5 with no library, so an office's older
/// browser still sorts and filters; without it every finding is shown.
enum HTMLReportTemplate {
    static let page = #"""
<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-{{nonce}}' 'unsafe-inline'; style-src 'nonce-{{nonce}}' 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="generator" content="cluster-review">
<title>产业集群申报材料批次审核汇总</title>
<style nonce="{{nonce}}">
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: #1f2328; background: #f4f5f7; font: 14px/1.6 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; }
header, main, footer { max-width: 1240px; margin: 0 auto; padding: 0 20px; }
header { padding-top: 20px; }
h1 { font-size: 22px; margin: 0 0 6px; letter-spacing: 0.02em; }
h2 { font-size: 17px; margin: 0 0 10px; }
.meta { display: flex; flex-wrap: wrap; margin: 0 0 14px; padding: 0; color: #57606a; }
.meta div { margin-right: 28px; }
.meta dt, .meta dd { display: inline; margin: 0; }
.meta dt::after { content: "："; }
.meta dd { color: #1f2328; }
.scheme { white-space: nowrap; }
.scheme-id { color: #6e7781; font-size: 12px; }
.overview { display: flex; flex-wrap: wrap; align-items: stretch; margin-bottom: 16px; }
.panel { background: #fff; border: 1px solid #d8dee4; border-radius: 6px; padding: 12px 16px; margin: 0 12px 12px 0; }
.overview > .panel:last-child { flex: 1 1 auto; margin-right: 0; }
.tallies { display: flex; list-style: none; padding: 0; margin: 0 0 14px; }
.tally { width: 104px; margin-right: 8px; padding: 8px 12px; border-radius: 6px; border: 1px solid; background: #fff; }
.tally:last-child { margin-right: 0; }
.tally .n { display: block; font-size: 28px; font-weight: 700; line-height: 1.2; }
.tally .l { font-size: 13px; }
.tally.total { border-color: #d8dee4; color: #1f2328; }
figure.chart { margin: 0; }
figcaption { font-weight: 600; margin-bottom: 4px; }
svg text { font-size: 13px; fill: #1f2328; font-family: inherit; }
svg text.value { font-weight: 600; }
.tone-reject rect { fill: #d1242f; }
.tone-supplement rect { fill: #2f6fd6; }
.tone-verify rect { fill: #d4890f; }
.tone-pass rect { fill: #2da44e; }
.tone-note rect { fill: #8c959f; }
.v-reject { color: #b3261e; background: #fdecec; border-color: #f0b4b0; }
.v-supplement { color: #1a56c4; background: #eaf1fd; border-color: #b3cbf2; }
.v-verify { color: #96580a; background: #fdf4e2; border-color: #efcd8e; }
.v-pass { color: #1a7f37; background: #e8f5ec; border-color: #a9dbb8; }
.v-note { color: #57606a; background: #f1f3f5; border-color: #d0d7de; }
section { background: #fff; border: 1px solid #d8dee4; border-radius: 6px; padding: 16px; margin-bottom: 16px; }
.toolbar { display: flex; flex-wrap: wrap; align-items: center; margin-bottom: 10px; }
.toolbar > * { margin: 0 10px 6px 0; }
.filters button, .toolbar button { font: inherit; font-size: 13px; padding: 3px 10px; border: 1px solid #d0d7de; background: #f6f8fa; border-radius: 5px; cursor: pointer; color: #1f2328; }
.filters button { margin-right: 4px; }
.filters button[aria-pressed="true"] { background: #1f2328; border-color: #1f2328; color: #fff; }
.filters .count { margin-left: 4px; opacity: 0.75; }
input[type="search"] { font: inherit; padding: 3px 8px; width: 260px; border: 1px solid #d0d7de; border-radius: 5px; }
#shown { color: #57606a; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; }
#submissions > thead th { position: sticky; top: 0; background: #f6f8fa; border-bottom: 2px solid #d0d7de; white-space: nowrap; z-index: 1; }
#submissions > thead th button { font: inherit; font-weight: 600; border: 0; background: none; padding: 0; cursor: pointer; color: inherit; }
#submissions > thead th button::after { content: " ↕"; color: #afb8c1; font-weight: 400; }
#submissions > thead th[aria-sort="ascending"] button::after { content: " ↑"; color: #1f2328; }
#submissions > thead th[aria-sort="descending"] button::after { content: " ↓"; color: #1f2328; }
#submissions > tbody > tr.summary-row > td { border-top: 1px solid #d8dee4; vertical-align: baseline; }
#submissions > tbody > tr.summary-row:hover > td { background: #f6f8fa; }
.c-id { width: 17%; }
.c-uscc { width: 13.5em; }
.c-verdict { width: 9em; }
.num { text-align: right; font-variant-numeric: tabular-nums; width: 5.5em; }
td.num.zero { color: #afb8c1; }
.code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 13px; white-space: nowrap; }
.toggle { font: inherit; border: 0; background: none; padding: 0; cursor: pointer; color: #0a58ca; text-align: left; }
.toggle::before { content: "▸ "; color: #6e7781; }
.toggle[aria-expanded="true"]::before { content: "▾ "; }
.verdict { display: inline-block; padding: 0 8px; border-radius: 10px; border: 1px solid; font-size: 13px; font-weight: 600; white-space: nowrap; }
.detail-row > td { background: #fbfcfd; border-top: 1px dashed #d8dee4; padding: 8px 12px 14px 24px; }
.files { margin: 0 0 8px; color: #57606a; }
.files a { margin-right: 14px; color: #0a58ca; white-space: nowrap; }
.findings { font-size: 13px; background: #fff; border: 1px solid #d8dee4; table-layout: fixed; }
.findings th { background: #f6f8fa; border-bottom: 1px solid #d8dee4; font-weight: 600; }
.findings td { border-top: 1px solid #eaeef2; overflow-wrap: anywhere; }
.findings .c-sev { width: 6.5em; }
.findings .c-cat { width: 6.5em; }
.findings .c-field { width: 11%; }
.findings .c-place { width: 7em; }
.findings .c-value { width: 9%; }
.findings .c-cite { width: 17%; }
.sev { display: inline-block; padding: 0 6px; border-radius: 8px; border: 1px solid; white-space: nowrap; }
.clean { margin: 0; color: #1a7f37; }
.empty { color: #57606a; margin: 0; }
.unreadable li, .batch li { margin-bottom: 6px; }
.unreadable .file { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 13px; background: #f6f8fa; padding: 0 4px; border-radius: 3px; }
.batch a { color: #0a58ca; }
footer { color: #6e7781; font-size: 12px; padding-bottom: 24px; }
@media print {
  body { background: #fff; }
  .toolbar, noscript { display: none !important; }
  section, .panel, .tally { border-color: #999; }
  .detail-row[hidden] { display: table-row !important; }
  #submissions > thead th { position: static; }
  .toggle::before { content: ""; }
}
</style>
</head>
<body>
<header>
<h1>产业集群申报材料批次审核汇总</h1>
<dl class="meta">
<div><dt>申报类别</dt><dd id="schemes">{{#schemes}}<span class="scheme">{{schemeTitle}}{{#hasTitle}} <span class="scheme-id">{{schemeId}}</span>{{/hasTitle}}</span>{{^last()}}；{{/last()}}{{/schemes}}{{^schemes}}—{{/schemes}}</dd></div>
<div><dt>审核日期</dt><dd id="review-date">{{reviewDate}}</dd></div>
<div><dt>生成时间</dt><dd id="generated-at">{{generatedAt}}</dd></div>
</dl>
<div class="overview">
<div class="panel">
<ul class="tallies" aria-label="审核结论统计">
<li class="tally total"><span class="n" id="reviewed-count">{{reviewed}}</span><span class="l">已审核（份）</span></li>
{{#verdictCounts}}
<li class="tally v-{{verdictKey}}"><span class="n" data-verdict-count="{{verdictKey}}">{{tally}}</span><span class="l">{{verdictName}}</span></li>
{{/verdictCounts}}
</ul>
{{#verdictChart}}
{{> chart}}
{{/verdictChart}}
</div>
{{#hasCategories}}
<div class="panel">
{{#categoryChart}}
{{> chart}}
{{/categoryChart}}
</div>
{{/hasCategories}}
</div>
</header>
<main>
<section id="submissions-section" aria-labelledby="submissions-title">
<h2 id="submissions-title">申报材料（{{reviewed}} 份）</h2>
<noscript><p class="empty">浏览器未启用脚本：排序与筛选不可用，全部问题明细已展开。</p></noscript>
<div class="toolbar">
<div class="filters" role="group" aria-label="按审核结论筛选">
<button type="button" data-filter="all" aria-pressed="true">全部<span class="count">{{reviewed}}</span></button>
{{#verdictCounts}}
<button type="button" data-filter="{{verdictKey}}" aria-pressed="false">{{verdictName}}<span class="count">{{tally}}</span></button>
{{/verdictCounts}}
</div>
<input type="search" id="search" placeholder="搜索编号、单位、代码或问题" aria-label="搜索">
<span id="shown" hidden>显示 <span id="visible-count"></span> / {{reviewed}} 份</span>
<button type="button" id="expand-all" hidden>全部展开</button>
<button type="button" id="collapse-all" hidden>全部收起</button>
</div>
<table id="submissions">
<thead>
<tr>
<th scope="col" class="c-id" aria-sort="none"><button type="button" data-sort="id" data-key="data-id">编号</button></th>
<th scope="col" aria-sort="none"><button type="button" data-sort="applicant" data-key="data-applicant">申报单位</button></th>
<th scope="col" class="c-uscc" aria-sort="none"><button type="button" data-sort="uscc" data-key="data-uscc">统一社会信用代码</button></th>
<th scope="col" class="c-verdict" aria-sort="none"><button type="button" data-sort="verdict" data-key="data-verdict-rank" data-numeric="true">审核结论</button></th>
{{#severityColumns}}
<th scope="col" class="num" aria-sort="none"><button type="button" data-sort="{{columnKey}}" data-key="data-{{columnKey}}" data-numeric="true">{{columnName}}</button></th>
{{/severityColumns}}
</tr>
</thead>
{{#rows}}
<tbody class="submission" id="s-{{index}}" data-index="{{index}}" data-id="{{id}}" data-applicant="{{applicant}}" data-uscc="{{uscc}}" data-verdict="{{verdict}}" data-verdict-rank="{{verdictRank}}"{{#severityCounts}} data-{{severityKey}}="{{severityTally}}"{{/severityCounts}}>
<tr class="summary-row">
<td><button type="button" class="toggle" aria-expanded="true" aria-controls="d-{{index}}">{{id}}</button></td>
<td class="applicant">{{applicant}}</td>
<td class="code">{{uscc}}</td>
<td><span class="verdict v-{{verdict}}">{{verdictLabel}}</span></td>
{{#severityCounts}}
<td class="num{{#isZero}} zero{{/isZero}}">{{severityTally}}</td>
{{/severityCounts}}
</tr>
<tr class="detail-row" id="d-{{index}}">
<td colspan="{{columnCount}}">
<p class="files">申报类别：{{schemeName}}　文件：{{#links}}<a href="{{href}}">{{linkText}}</a>{{/links}}</p>
{{#hasFindings}}
<table class="findings">
<thead><tr><th class="c-sev">结论</th><th class="c-cat">类别</th><th class="c-field">字段</th><th class="c-place">位置</th><th class="c-value">申报内容</th><th class="c-value">应为</th><th class="c-cite">依据条款</th><th>说明</th></tr></thead>
<tbody>
{{#findings}}
<tr class="finding"><td><span class="sev v-{{severityKey}}">{{severityName}}</span></td><td>{{categoryName}}</td><td>{{fieldName}}</td><td>{{place}}</td><td>{{declared}}</td><td>{{expected}}</td><td>{{citation}}</td><td>{{message}}</td></tr>
{{/findings}}
</tbody>
</table>
{{/hasFindings}}
{{^hasFindings}}
<p class="clean">未发现问题。</p>
{{/hasFindings}}
</td>
</tr>
</tbody>
{{/rows}}
</table>
{{^hasRows}}
<p class="empty">本批次没有可审核的申报材料。</p>
{{/hasRows}}
<p class="empty" id="no-match" hidden>没有符合条件的申报材料。</p>
</section>
<section id="unreadable" class="unreadable" aria-labelledby="unreadable-title">
<h2 id="unreadable-title">无法读取的文件（{{unreadableCount}} 项）</h2>
{{#hasUnreadable}}
<ul>
{{#unreadable}}
<li><span class="file">{{file}}</span>：{{reason}}</li>
{{/unreadable}}
</ul>
{{/hasUnreadable}}
{{^hasUnreadable}}
<p class="empty">全部文件均已读取。</p>
{{/hasUnreadable}}
</section>
<section id="batch" class="batch" aria-labelledby="batch-title">
<h2 id="batch-title">批次交叉核查</h2>
{{#hasBatchFindings}}
<ul>
{{#batchFindings}}
<li><span class="sev v-verify">{{categoryTitle}}</span> {{fieldTitle}}：{{declaredValue}}（涉及 {{#references}}{{#isListed}}<a href="#{{anchor}}" data-jump="{{anchor}}">{{submissionId}}</a>{{/isListed}}{{^isListed}}{{submissionId}}{{/isListed}}{{^last()}}、{{/last()}}{{/references}}）<br>{{batchMessage}}</li>
{{/batchFindings}}
</ul>
{{/hasBatchFindings}}
{{^hasBatchFindings}}
<p class="empty">未发现跨申报的重复或雷同情形。</p>
{{/hasBatchFindings}}
</section>
</main>
<footer>
<p>由 cluster-review 生成。文件链接为相对路径，请在输出目录中打开本页；批注副本（-批注.docx）标出了每个问题在原文中的位置。</p>
</footer>
<script nonce="{{nonce}}">
(function () {
  "use strict";
  var table = document.getElementById("submissions");
  var rows = Array.prototype.slice.call(table.tBodies);
  var filterButtons = Array.prototype.slice.call(document.querySelectorAll("[data-filter]"));
  var sortButtons = Array.prototype.slice.call(table.tHead.querySelectorAll("[data-sort]"));
  var searchBox = document.getElementById("search");
  var count = document.getElementById("visible-count");
  var state = { verdict: "all", text: "" };

  function show(element, visible) {
    if (visible) { element.removeAttribute("hidden"); } else { element.setAttribute("hidden", ""); }
  }

  /* Applies the verdict filter and the search text; returns the rows shown. */
  function apply() {
    var shown = 0;
    rows.forEach(function (row) {
      var visible = (state.verdict === "all" || row.getAttribute("data-verdict") === state.verdict) &&
        (state.text === "" || row.textContent.toLowerCase().indexOf(state.text) !== -1);
      show(row, visible);
      if (visible) { shown += 1; }
    });
    filterButtons.forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-filter") === state.verdict));
    });
    count.textContent = String(shown);
    show(document.getElementById("no-match"), shown === 0 && rows.length > 0);
    return shown;
  }

  function filterBy(verdict) {
    var known = filterButtons.some(function (button) { return button.getAttribute("data-filter") === verdict; });
    state.verdict = known ? verdict : "all";
    return apply();
  }

  function search(text) {
    searchBox.value = text;
    state.text = String(text).replace(/^\s+|\s+$/g, "").toLowerCase();
    return apply();
  }

  /* Sorts by a column (id, applicant, uscc, verdict, reject, supplement, verify, note); ties keep the id order. */
  function sortBy(key, descending) {
    var button = sortButtons.filter(function (candidate) { return candidate.getAttribute("data-sort") === key; })[0];
    if (!button) { return false; }
    var attribute = button.getAttribute("data-key");
    var numeric = button.hasAttribute("data-numeric");
    rows.sort(function (a, b) {
      var x = a.getAttribute(attribute) || "";
      var y = b.getAttribute(attribute) || "";
      var order = numeric ? Number(x) - Number(y) : x.localeCompare(y, "zh-CN");
      if (descending) { order = -order; }
      return order || Number(a.getAttribute("data-index")) - Number(b.getAttribute("data-index"));
    });
    rows.forEach(function (row) { table.appendChild(row); });
    sortButtons.forEach(function (other) {
      other.parentNode.setAttribute("aria-sort", other === button ? (descending ? "descending" : "ascending") : "none");
    });
    table.setAttribute("data-sorted", (descending ? "-" : "") + key);
    return true;
  }

  function expand(row, open) {
    var toggle = row.querySelector(".toggle");
    show(document.getElementById(toggle.getAttribute("aria-controls")), open);
    toggle.setAttribute("aria-expanded", String(open));
  }

  function expandAll(open) {
    rows.forEach(function (row) { expand(row, open); });
  }

  /* The ids of the rows shown, in order. */
  function visibleIds() {
    return rows.filter(function (row) { return !row.hasAttribute("hidden"); })
      .map(function (row) { return row.getAttribute("data-id"); });
  }

  function query() {
    var result = {};
    window.location.search.replace(/^\?/, "").split("&").forEach(function (pair) {
      var at = pair.indexOf("=");
      if (pair === "") { return; }
      try {
        result[decodeURIComponent(at < 0 ? pair : pair.slice(0, at))] =
          decodeURIComponent((at < 0 ? "" : pair.slice(at + 1)).replace(/\+/g, " "));
      } catch (error) { /* a malformed pair is ignored */ }
    });
    return result;
  }

  rows.forEach(function (row) {
    row.querySelector(".toggle").addEventListener("click", function () {
      expand(row, this.getAttribute("aria-expanded") !== "true");
    });
  });
  filterButtons.forEach(function (button) {
    button.addEventListener("click", function () { filterBy(this.getAttribute("data-filter")); });
  });
  sortButtons.forEach(function (button) {
    button.addEventListener("click", function () {
      var current = table.getAttribute("data-sorted");
      sortBy(this.getAttribute("data-sort"), current === this.getAttribute("data-sort"));
    });
  });
  searchBox.addEventListener("input", function () { search(this.value); });
  document.getElementById("expand-all").addEventListener("click", function () { expandAll(true); });
  document.getElementById("collapse-all").addEventListener("click", function () { expandAll(false); });
  Array.prototype.slice.call(document.querySelectorAll("[data-jump]")).forEach(function (link) {
    link.addEventListener("click", function () {
      var row = document.getElementById(this.getAttribute("data-jump"));
      if (row.hasAttribute("hidden")) { state.verdict = "all"; search(""); }
      expand(row, true);
    });
  });

  window.clusterReport = { sortBy: sortBy, filterBy: filterBy, search: search, expandAll: expandAll, visibleIds: visibleIds };

  var options = query();
  expandAll(options.open === "all");
  if (options.sort) {
    var descending = options.sort.charAt(0) === "-";
    sortBy(descending ? options.sort.slice(1) : options.sort, descending || options.dir === "desc");
  }
  state.verdict = "all";
  filterBy(options.filter || "all");
  if (options.q) { search(options.q); }
  var target = window.location.hash && document.getElementById(window.location.hash.slice(1));
  if (target && target.className === "submission") { expand(target, true); }
  ["shown", "expand-all", "collapse-all"].forEach(function (id) { show(document.getElementById(id), true); });
  document.body.setAttribute("data-ready", "true");
}());
</script>
</body>
</html>
"""#

    /// A horizontal bar chart: one row per bar, label, bar, value.
    static let chart = #"""
<figure class="chart">
<figcaption>{{chartName}}</figcaption>
<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{{chartName}}" width="{{width}}" height="{{height}}" viewBox="0 0 {{width}} {{height}}">
{{#bars}}
<g class="bar tone-{{tone}}" data-label="{{barLabel}}" data-value="{{barValue}}"><title>{{barLabel}}：{{barValue}}</title><text x="{{labelX}}" y="{{textY}}" text-anchor="end">{{barLabel}}</text><rect x="{{barX}}" y="{{rowY}}" width="{{barWidth}}" height="18" rx="2"></rect><text class="value" x="{{valueX}}" y="{{textY}}">{{barValue}}</text></g>
{{/bars}}
</svg>
</figure>
"""#
}
