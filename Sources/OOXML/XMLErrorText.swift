internal import CLibXML2

/// libxml2's parse errors in the words a reviewer reads. libxml2 reports in
/// English ("Opening and ending tag mismatch: p line 2 and body"); the code
/// it gives with each message says what went wrong, and that is what is
/// said, in Chinese. An error without a description here keeps its code.
enum XMLErrorText {
    static func chinese(code: Int32, message: String) -> String {
        // A bare "&" in text comes as "xmlParseEntityRef: no name", under the
        // code of a missing element name.
        if message.hasPrefix("xmlParseEntityRef") { return "“&”未写作实体引用（应为 &amp;）" }
        for (codes, text) in descriptions where codes.contains(where: { Int32($0.rawValue) == code }) {
            return text
        }
        return "XML 语法错误（libxml2 错误码 \(code)）"
    }

    /// A form instance that breaks the XML Schema: the element (and
    /// attribute) concerned and what is wrong with it.
    /// libxml2 names the attribute only in its English message
    /// ("Element 'field', attribute 'id': …"), so it is taken from there.
    static func schema(code: Int32, node: xmlNodePtr?, message: String) -> String {
        var place = ""
        if let node, node.pointee.type == XML_ELEMENT_NODE, let name = node.pointee.name.map({ String(cString: $0) }) {
            if let attribute = quoted(after: "attribute '", in: message) {
                place = "元素 <\(name)> 的属性 \(attribute)："
            } else {
                place = "元素 <\(name)>："
            }
        }
        for (codes, text) in schemaDescriptions where codes.contains(where: { Int32($0.rawValue) == code }) {
            return place + text
        }
        return place + "不符合规定（libxml2 错误码 \(code)）"
    }

    private static func quoted(after marker: String, in message: String) -> String? {
        guard let start = message.range(of: marker)?.upperBound,
              let end = message[start...].firstIndex(of: "'") else { return nil }
        let name = message[start..<end]
        return name.isEmpty ? nil : String(name)
    }

    private static let schemaDescriptions: [([xmlParserErrors], String)] = [
        ([XML_SCHEMAV_ELEMENT_CONTENT, XML_SCHEMAV_CVC_COMPLEX_TYPE_2_4, XML_SCHEMAV_CVC_ELT_1],
         "不是此处允许的元素，或缺少必需的子元素"),
        ([XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_1, XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_2], "含有不允许的属性"),
        ([XML_SCHEMAV_CVC_COMPLEX_TYPE_4], "缺少必需的属性"),
        ([XML_SCHEMAV_CVC_COMPLEX_TYPE_2_1, XML_SCHEMAV_CVC_COMPLEX_TYPE_2_2, XML_SCHEMAV_CVC_COMPLEX_TYPE_2_3],
         "内容不符合规定"),
        ([XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_1, XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_3, XML_SCHEMAV_CVC_TYPE_3_1_1],
         "值的类型不符"),
        ([XML_SCHEMAV_CVC_MININCLUSIVE_VALID, XML_SCHEMAV_CVC_MAXINCLUSIVE_VALID], "数值超出允许范围"),
        ([XML_SCHEMAV_CVC_PATTERN_VALID], "值的格式不符"),
        ([XML_SCHEMAV_CVC_ENUMERATION_VALID], "值不在允许的取值之中"),
        ([XML_SCHEMAV_CVC_LENGTH_VALID, XML_SCHEMAV_CVC_MINLENGTH_VALID, XML_SCHEMAV_CVC_MAXLENGTH_VALID],
         "值的长度不符合规定"),
        ([XML_SCHEMAV_CVC_IDC], "标识重复"),
    ]

    private static let descriptions: [([xmlParserErrors], String)] = [
        ([XML_ERR_DOCUMENT_EMPTY], "文档为空"),
        ([XML_ERR_DOCUMENT_START], "文档开头不是 XML"),
        ([XML_ERR_DOCUMENT_END, XML_ERR_EXTRA_CONTENT], "根元素之后还有内容"),
        ([XML_ERR_TAG_NAME_MISMATCH], "开始标签与结束标签不一致"),
        ([XML_ERR_TAG_NOT_FINISHED, XML_ERR_NOT_WELL_BALANCED], "元素未闭合，文件可能不完整"),
        ([XML_ERR_NAME_REQUIRED, XML_ERR_GT_REQUIRED, XML_ERR_LT_REQUIRED, XML_ERR_LTSLASH_REQUIRED,
          XML_ERR_SPACE_REQUIRED], "标签写法错误"),
        ([XML_ERR_INVALID_CHAR], "含有 XML 不允许的字符"),
        ([XML_ERR_INVALID_HEX_CHARREF, XML_ERR_INVALID_DEC_CHARREF, XML_ERR_INVALID_CHARREF], "字符引用无效"),
        ([XML_ERR_ENTITYREF_NO_NAME, XML_ERR_ENTITYREF_SEMICOL_MISSING], "“&”未写作实体引用（应为 &amp;）"),
        ([XML_ERR_UNDECLARED_ENTITY, XML_WAR_UNDECLARED_ENTITY], "引用了未声明的实体"),
        ([XML_ERR_UNKNOWN_ENCODING, XML_ERR_UNSUPPORTED_ENCODING, XML_ERR_INVALID_ENCODING, XML_ERR_ENCODING_NAME],
         "字符编码无法识别或与声明不符"),
        ([XML_ERR_ATTRIBUTE_NOT_STARTED, XML_ERR_ATTRIBUTE_NOT_FINISHED, XML_ERR_ATTRIBUTE_WITHOUT_VALUE,
          XML_ERR_LT_IN_ATTRIBUTE, XML_ERR_EQUAL_REQUIRED, XML_ERR_VALUE_REQUIRED,
          XML_ERR_STRING_NOT_STARTED, XML_ERR_STRING_NOT_CLOSED], "属性写法错误"),
        ([XML_ERR_ATTRIBUTE_REDEFINED], "同一元素的属性重复"),
        ([XML_ERR_COMMENT_NOT_FINISHED, XML_ERR_HYPHEN_IN_COMMENT], "注释未正确结束"),
        ([XML_ERR_CDATA_NOT_FINISHED, XML_ERR_MISPLACED_CDATA_END], "CDATA 段未正确结束"),
        ([XML_ERR_PI_NOT_STARTED, XML_ERR_PI_NOT_FINISHED, XML_ERR_RESERVED_XML_NAME], "处理指令写法错误"),
        ([XML_ERR_XMLDECL_NOT_STARTED, XML_ERR_XMLDECL_NOT_FINISHED, XML_ERR_VERSION_MISSING,
          XML_ERR_UNKNOWN_VERSION, XML_ERR_STANDALONE_VALUE], "XML 声明写法错误"),
        ([XML_ERR_NAME_TOO_LONG], "名称过长"),
        ([XML_ERR_NS_DECL_ERROR, XML_NS_ERR_UNDEFINED_NAMESPACE, XML_NS_ERR_QNAME, XML_NS_ERR_ATTRIBUTE_REDEFINED],
         "命名空间前缀未声明或写法错误"),
    ]
}
