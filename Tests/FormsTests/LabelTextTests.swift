import Testing
@testable import Forms

@Suite("Label text: numbering, brackets and 是否 as documents type them")
struct LabelTextTests {
    @Test("leading numbering goes, whatever its style; numbers and look-alikes stay", arguments: [
        ("1. 集群名称", "集群名称"),
        ("1、集群名称", "集群名称"),
        ("12．集群名称", "集群名称"),
        ("(1)集群名称", "集群名称"),
        ("（3） 集群名称", "集群名称"),
        ("（一）集群发展监测分析", "集群发展监测分析"),
        ("十二、附件", "附件"),
        ("二十一、附件", "附件"),
        ("① 主导产业", "主导产业"),
        ("⑳主导产业", "主导产业"),
        ("1.5", "1.5"),
        ("123. 集群名称", "123. 集群名称"),
        ("二十二十、附件", "二十二十、附件"),
        ("2023年", "2023年"),
        ("一般不超过", "一般不超过"),
        ("(注：单位)", "(注：单位)"),
        ("(", "("),
        ("1", "1"),
        ("", ""),
    ])
    func numbering(_ text: String, _ expected: String) {
        #expect(LabelText.stripNumbering(text) == TextNormalizer.normalize(expected))
    }

    @Test("variant characters are one key: 帐户 = 账户, 其它 = 其他; nothing else changes")
    func variants() {
        #expect(TextNormalizer.labelKey("建立独立的财务和银行帐户") == TextNormalizer.labelKey("建立独立的财务和银行账户"))
        #expect(TextNormalizer.labelKey("其它说明") == TextNormalizer.labelKey("其他说明"))
        #expect(TextNormalizer.labelKey("它") == "它")
    }

    @Test("a label's keys: whole, without its bracket, without its 是否; the unit in the bracket")
    func keys() {
        let keys = LabelText.keys("3．近三年是否发生重大安全事故（是/否）")
        #expect(keys.keys.contains(TextNormalizer.labelKey("近三年是否发生重大安全事故")))
        #expect(keys.keys.contains(TextNormalizer.labelKey("近三年发生重大安全事故")))
        #expect(LabelText.keys("（二）集群总产值（亿元）").unit == "亿元")
    }
}
