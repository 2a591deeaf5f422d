/// Makes a corpus of plausible submissions from the clean data sets, for
/// benchmarks, demonstrations and training: new places, industries, names,
/// codes, dates and figures on every scheme's real forms, some with planted
/// defects, with the registry rows that make the rest check out.
///
/// Reproducible: the same bases, options and seed give the same corpus, and
/// submission *i* comes from its own stream of the seed, so a corpus of 100
/// is (bar a name collision) the first 100 of a corpus of 1,000.
public struct CorpusGenerator: Sendable {
    public struct Options: Sendable {
        public var count: Int
        public var seed: UInt64
        /// The share of submissions given one or two defects.
        public var defectRate: Double
        /// The share of applications written as form-instance XML instead of Word.
        public var formInstanceRate: Double

        public init(count: Int, seed: UInt64, defectRate: Double = 0.3, formInstanceRate: Double = 0.05) {
            self.count = count
            self.seed = seed
            self.defectRate = defectRate
            self.formInstanceRate = formInstanceRate
        }
    }

    public let bases: [GenerationBase]
    private let models: [FigureModel]

    public init(bases: [GenerationBase]) {
        self.bases = bases
        models = bases.map { FigureModel(definition: $0.definition) }
    }

    public func generate(_ options: Options) -> GeneratedCorpus {
        var book = NameBook()
        var submissions: [GeneratedSubmission] = []
        var credit: [CreditRecord] = []
        var certificates: [CertificateRecord] = []
        let width = max(4, String(options.count).count)
        guard !bases.isEmpty else { return GeneratedCorpus(seed: options.seed, submissions: [], credit: [], certificates: []) }
        for index in 0..<options.count {
            var random = SplitMix64(seed: options.seed, stream: index)
            let which = random.below(bases.count)
            let format: GeneratedSubmission.Format = random.chance(options.formInstanceRate) ? .formInstance : .word
            let defectCount = random.chance(options.defectRate) ? (random.chance(0.3) ? 2 : 1) : 0
            var builder = SubmissionBuilder(base: bases[which], model: models[which], random: random, book: &book)
            let defects = defectCount > 0 ? builder.plantDefects(count: defectCount) : []
            let number = String(index + 1)
            let id = String(repeating: "0", count: max(0, width - number.count)) + number + "-" + bases[which].id
            submissions.append(GeneratedSubmission(id: id, base: bases[which].id, definition: bases[which].definition,
                                                   application: builder.application, declaration: builder.declaration,
                                                   applicationFormat: format, defects: defects))
            credit += builder.credit
            // A platform or cluster name two submissions share is listed twice,
            // each row valid on its own application's date.
            certificates += builder.certificates
        }
        return GeneratedCorpus(seed: options.seed, submissions: submissions, credit: credit, certificates: certificates)
    }
}
