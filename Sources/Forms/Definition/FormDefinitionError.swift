import Foundation

/// Where in a form definition a problem sits: the file, the line a person
/// can go to, and the key path (`rules[3].comparison`).
public struct DefinitionLocation: Hashable, Sendable, CustomStringConvertible {
    /// The file as it was loaded.
    public let file: String
    /// 1-based; `nil` only when no line can be named (a file-wide problem).
    public let line: Int?
    /// Keys and indices from the document's root, e.g. `application.sections[0].fields[2].type`.
    public let keyPath: String

    public init(file: String, line: Int?, keyPath: String) {
        self.file = file
        self.line = line
        self.keyPath = keyPath
    }

    public var description: String {
        var text = file
        if let line { text += " 第\(line)行" }
        if !keyPath.isEmpty { text += " \(keyPath)" }
        return text
    }
}

/// What is wrong with a definition at a `DefinitionLocation`.
public enum DefinitionProblem: Hashable, Sendable, CustomStringConvertible {
    // Shape of the YAML.
    case missingKey(String)
    case unknownKey(String)
    case conflictingKeys(String, String)
    case wrongType(expected: String)
    case invalidValue(String)
    case emptyValue
    case unknownFieldType(String)
    case unknownLayout(String)
    case unknownRuleKind(String)
    case unknownComparisonWord(String)
    case unknownSoftening(String)

    // Identities and references.
    case idDoesNotMatchFileName(id: String, fileName: String)
    case duplicateSchemeID(String)
    case duplicateFieldID(String)
    case duplicateRuleID(String)
    case duplicateOptionID(String)
    /// Two fields (or two columns of one list) answer to the same label once
    /// normalised, so extraction could not tell them apart.
    case ambiguousLabel(String, fields: [String])
    case duplicateTitle(String, scheme: String)
    case unknownField(String)
    case unknownColumn(String, list: String)
    case unknownOption(String, field: String)
    case unknownRule(String)
    case unknownScheme(String)
    case fieldTypeMismatch(field: String, type: FieldType, expected: [FieldType])

    // Fields and sections.
    case keyNotAllowed(key: String, type: FieldType)
    case missingColumns(list: String)
    case emptyOptions(field: String)
    case missingValueType(field: String)
    case unitMismatch(field: String, labelUnit: String, unit: String?)
    case percentUnit(field: String, unit: String)
    case layoutMismatch(layout: SectionLayout, field: String, type: FieldType)
    case listSectionFieldCount(Int)
    case emptySection
    case seriesYearsDiffer(field: String, years: Int, expected: Int)
    case eachYearNeedsSeries(field: String)

    // Rules and citations.
    case missingCitation(rule: String)
    case citationNotInPolicy(String)

    // The policy text and the declaration.
    case policyTextMissing(String)
    case policyTitleNotInText(String)
    case unknownPlaceholder(String)
    case declarationFieldNotShown(String)
    case missingDeclarationField(String)

    public var description: String {
        switch self {
        case .missingKey(let key): "缺少“\(key)”"
        case .unknownKey(let key): "未知的键“\(key)”"
        case .conflictingKeys(let one, let other): "“\(one)”与“\(other)”不能同时使用"
        case .wrongType(let expected): "值的类型有误，应为\(expected)"
        case .invalidValue(let reason): "值无效：\(reason)"
        case .emptyValue: "值不能为空"
        case .unknownFieldType(let type):
            "未知的字段类型“\(type)”（可用：\(FieldType.allCases.map(\.rawValue).joined(separator: "、"))）"
        case .unknownLayout(let layout):
            "未知的版式“\(layout)”（可用：\(SectionLayout.allCases.map(\.rawValue).joined(separator: "、"))）"
        case .unknownRuleKind(let kind):
            "未知的规则类型“\(kind)”（可用：\(RuleKind.allCases.map(\.rawValue).joined(separator: "、"))）"
        case .unknownComparisonWord(let word):
            "未知的比较用语“\(word)”（可用：\(ComparisonWord.allCases.map(\.rawValue).joined(separator: "、"))）"
        case .unknownSoftening(let word):
            "未知的放宽用语“\(word)”（可用：\(Softening.allCases.map(\.rawValue).joined(separator: "、"))）"
        case .idDoesNotMatchFileName(let id, let fileName): "id“\(id)”与文件名“\(fileName)”不一致"
        case .duplicateSchemeID(let id): "申报类别 id“\(id)”重复"
        case .duplicateFieldID(let id): "字段 id“\(id)”重复"
        case .duplicateRuleID(let id): "规则 id“\(id)”重复"
        case .duplicateOptionID(let id): "选项“\(id)”重复"
        case .ambiguousLabel(let label, let fields):
            "标签“\(label)”同时对应多个字段（\(fields.joined(separator: "、"))），提取时无法区分"
        case .duplicateTitle(let title, let scheme): "标题“\(title)”已用于申报类别“\(scheme)”"
        case .unknownField(let id): "未定义的字段“\(id)”"
        case .unknownColumn(let column, let list): "列表“\(list)”中没有列“\(column)”"
        case .unknownOption(let option, let field): "字段“\(field)”没有选项“\(option)”"
        case .unknownRule(let id): "未定义的规则“\(id)”"
        case .unknownScheme(let id): "未定义的申报类别“\(id)”"
        case .fieldTypeMismatch(let field, let type, let expected):
            "字段“\(field)”的类型为 \(type.rawValue)，此处需要 \(expected.map(\.rawValue).joined(separator: " 或 "))"
        case .keyNotAllowed(let key, let type): "“\(key)”不适用于 \(type.rawValue) 类型的字段"
        case .missingColumns(let list): "列表字段“\(list)”未定义列（columns）"
        case .emptyOptions(let field): "选择字段“\(field)”未定义选项（options）"
        case .missingValueType(let field): "年度序列字段“\(field)”缺少 value_type（number、integer 或 percent）"
        case .unitMismatch(let field, let labelUnit, let unit):
            "字段“\(field)”的标签注明单位“\(labelUnit)”，但 unit 为“\(unit ?? "（未填）")”"
        case .percentUnit(let field, let unit): "百分比字段“\(field)”的单位应为“%”，而非“\(unit)”"
        case .layoutMismatch(let layout, let field, let type):
            "\(layout.rawValue) 版式的分节不能包含 \(type.rawValue) 类型的字段“\(field)”"
        case .listSectionFieldCount(let count): "list 版式的分节应恰好包含一个列表字段，现有 \(count) 个字段"
        case .emptySection: "分节中没有字段"
        case .seriesYearsDiffer(let field, let years, let expected):
            "同一年度表中的字段“\(field)”年数为 \(years)，其他字段为 \(expected)"
        case .eachYearNeedsSeries(let field): "each_year 仅适用于年度序列字段，“\(field)”不是"
        case .missingCitation(let rule): "规则“\(rule)”未注明政策依据（citation）"
        case .citationNotInPolicy(let reference): "政策文本中没有\(reference)"
        case .policyTextMissing(let path): "找不到政策文本“\(path)”"
        case .policyTitleNotInText(let title): "政策文本中找不到标题“\(title)”"
        case .unknownPlaceholder(let name): "声明正文中的占位符“{\(name)}”不是声明字段"
        case .declarationFieldNotShown(let id): "声明字段“\(id)”既不在正文占位符中，也不在签署栏（signature）中"
        case .missingDeclarationField(let id): "declaration 规则需要声明字段“\(id)”"
        }
    }
}

/// Why a form definition could not be loaded. Every case names the file, and
/// where it can, the line and the key.
public enum FormDefinitionError: Error, LocalizedError, Hashable, Sendable {
    case unreadable(file: String, reason: String)
    /// YAML that does not parse, as Yams reports it.
    case syntax(file: String, line: Int, column: Int, problem: String)
    case invalid(DefinitionLocation, DefinitionProblem)
    /// Several problems in one load, in file and line order.
    case several([FormDefinitionError])
    case noDefinitions(directory: String)
    /// `CLUSTER_REVIEW_FORMS` or an explicit path names no folder of definitions.
    case notAFormsDirectory(String)
    case formsDirectoryNotFound(searched: [String])

    public var errorDescription: String? {
        switch self {
        case .unreadable(let file, let reason):
            "无法读取表单定义 \(file)：\(reason)"
        case .syntax(let file, let line, let column, let problem):
            "\(file) 第\(line)行第\(column)列：YAML 语法错误：\(problem)"
        case .invalid(let location, let problem):
            "\(location)：\(problem)"
        case .several(let errors):
            errors.compactMap(\.errorDescription).joined(separator: "\n")
        case .noDefinitions(let directory):
            "目录 \(directory) 中没有表单定义（*.yaml）"
        case .notAFormsDirectory(let path):
            "\(path) 不是表单定义目录（应为包含 *.yaml 的文件夹）"
        case .formsDirectoryNotFound(let searched):
            "找不到表单定义目录 forms/（已从以下位置向上查找：\(searched.joined(separator: "；"))）；可用环境变量 CLUSTER_REVIEW_FORMS 指定"
        }
    }
}
