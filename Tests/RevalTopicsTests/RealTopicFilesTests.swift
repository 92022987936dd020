import Testing
import RevalCore
import RevalFormats
import RevalTopics

/// The real topic files in Fixtures. Every expected value was copied from the file
/// itself (with whitespace runs written as one space where the format collapses them).
@Suite("Real topic files")
struct RealTopicFilesTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var file: String
        var format: TopicsFormat
        var count: Int
        var firstID: String
        var lastID: String
        var fieldNames: [String]
        var testDescription: String { file }
    }

    static let cases: [Case] = [
        Case(file: "topics.robust04.txt", format: .trec, count: 250, firstID: "301", lastID: "700",
             fieldNames: ["title", "desc", "narr"]),
        Case(file: "queries.vaswani.trec", format: .trec, count: 93, firstID: "1", lastID: "93",
             fieldNames: ["title"]),
        Case(file: "topics.cacm.txt", format: .trec, count: 64, firstID: "1", lastID: "64",
             fieldNames: ["text"]),
        Case(file: "topics.covid-round5.xml", format: .xml, count: 50, firstID: "1", lastID: "50",
             fieldNames: ["query", "question", "narrative"]),
        Case(file: "topics.web.201-250.txt", format: .xml, count: 50, firstID: "201", lastID: "250",
             fieldNames: ["@type", "query", "description"]),
        Case(file: "topics.clef06fr.mono.fr.txt", format: .tsv, count: 49, firstID: "301-AH", lastID: "350-AH",
             fieldNames: ["text"]),
        Case(file: "topics.dl19-passage.txt", format: .tsv, count: 43, firstID: "156493", lastID: "146187",
             fieldNames: ["text"]),
        Case(file: "beir-scifact.queries.jsonl", format: .jsonl, count: 300, firstID: "1", lastID: "1395",
             fieldNames: ["text"]),
        Case(file: "beir-nfcorpus.queries.jsonl", format: .jsonl, count: 323, firstID: "PLAIN-2", lastID: "PLAIN-3472",
             fieldNames: ["text"]),
        Case(file: "beir-trec-covid.queries.jsonl", format: .jsonl, count: 50, firstID: "1", lastID: "50",
             fieldNames: ["text"]),
    ]

    @Test("count, first and last id, field names of the first topic", arguments: cases)
    func shape(_ c: Case) throws {
        let topics = try TopicsReader.read(path: Fixtures.topics(c.file))
        #expect(topics.count == c.count)
        #expect(topics.first?.id == c.firstID)
        #expect(topics.last?.id == c.lastID)
        #expect(topics.first.map { Array($0.fields.prefix(c.fieldNames.count).map(\.name)) } == c.fieldNames)
        #expect(Set(topics.ids).count == c.count)
    }

    @Test("the format is detected from the content", arguments: cases)
    func detection(_ c: Case) throws {
        #expect(try TopicsFormat.detect(path: Fixtures.topics(c.file)) == c.format)
    }

    @Test("robust04: prefixes dropped, text to the next tag, whitespace collapsed")
    func robust04() throws {
        let topics = try TrecTopicsReader.read(path: Fixtures.topics("topics.robust04.txt"))
        #expect(topics[id: "301"] == Topic(id: "301", fields: [
            "title": "International Organized Crime",
            "desc": "Identify organizations that participate in international criminal activity, the activity, and, if possible, collaborating organizations and the countries involved.",
            "narr": "A relevant document must as a minimum identify the organization and the type of illegal activity (e.g., Columbian cartel exporting cocaine). Vague references to international drug trade without identification of the organization(s) involved would not be relevant.",
        ]))
        #expect(topics[id: "302"]?[field: "desc"] == "Is the disease of Poliomyelitis (polio) under control in the world?")
        // A TAB inside the text (line 1134).
        #expect(topics[id: "350"]?[field: "desc"]
                == "Is it hazardous to the health of individuals to work with computer terminals on a daily basis?")
        // '&' is text, not an entity.
        #expect(topics[id: "391"]?[field: "title"] == "R&D drug prices")
        // 601-700 have no Description:/Narrative: prefixes and titles on their own line.
        #expect(topics[id: "652"]?[field: "title"] == "OIC Balkans 1990s")
        #expect(topics[id: "652"]?[field: "desc"] == "What was the OIC's involvement in the Balkans in 1990-94?")
        #expect(topics[id: "700"] == Topic(id: "700", fields: [
            "title": "gasoline tax U.S.",
            "desc": "What are the arguments for and against an increase in gasoline taxes in the U.S.?",
            "narr": "Relevant documents present reasons for or against raising gasoline taxes in the U.S. Documents discussing rises or decreases in the price of gasoline are not relevant.",
        ]))
        #expect(topics[id: "450"] != nil)
        #expect(topics[id: "601"] != nil)
        #expect(topics[id: "451"] == nil)
        #expect(topics[id: "600"] == nil)
    }

    @Test("Vaswani: <num> and <title> with closing tags")
    func vaswani() throws {
        let topics = try TrecTopicsReader.read(path: Fixtures.topics("queries.vaswani.trec"))
        #expect(topics[id: "1"] == Topic(id: "1", fields: [
            "title": "MEASUREMENT OF DIELECTRIC CONSTANT OF LIQUIDS BY THE USE OF MICROWAVE TECHNIQUES",
        ]))
        #expect(topics[id: "4"]?[field: "title"] == "SYSTEMS OF DATA CODING FOR INFORMATION TRANSFER")
        #expect(topics[id: "93"]?[field: "title"]
                == "HIGH FREQUENCY OSCILLATORS USING TRANSISTORS THEORETICAL TREATMENT AND PRACTICAL CIRCUIT DETAILS")
    }

    @Test("CACM: <DOC> blocks, the id from <DOCNO>, the rest as 'text'")
    func cacm() throws {
        let topics = try TrecTopicsReader.read(path: Fixtures.topics("topics.cacm.txt"))
        #expect(topics[id: "1"] == Topic(id: "1", fields: [
            "text": "What articles exist which deal with TSS (Time Sharing System), an operating system for IBM computers?",
        ]))
        #expect(topics[id: "2"]?[field: "text"]
                == "I am interested in articles written either by Prieve or Udo Pooch Prieve, B. Pooch, U.")
        #expect(topics[id: "3"]?[field: "text"]
                == "Intermediate languages used in construction of multi-targeted compilers; TCOLL")
        #expect(topics[id: "64"]?[field: "text"]
                == "List all articles on EL1 and ECL (EL1 may be given as EL/1; I don't remember how they did it.")
    }

    @Test("TREC-COVID round 5 XML (CRLF): three fields per topic")
    func covid() throws {
        let topics = try XMLTopicsReader.read(path: Fixtures.topics("topics.covid-round5.xml"))
        #expect(topics[id: "1"] == Topic(id: "1", fields: [
            "query": "coronavirus origin",
            "question": "what is the origin of COVID-19",
            "narrative": "seeking range of information about the SARS-CoV-2 virus's origin, including its evolution, animal source, and first transmission into humans",
        ]))
        #expect(topics[id: "5"]?[field: "narrative"]
                == "Papers that describe the results of testing drugs that bind to spike proteins of the virus or any other drugs in any animal models. Papers about SARS-CoV-2 infection in cell culture assays are also relevant.")
        #expect(topics[id: "17"]?[field: "question"] == "are there any clinical trials available for the coronavirus")
        #expect(topics[id: "50"]?[field: "query"] == "mRNA vaccine coronavirus")
        #expect(topics.allSatisfy { $0.fields.map(\.name) == ["query", "question", "narrative"] })
        #expect(!topics.contains { $0.fields.contains { $0.text.contains("\r") } })
    }

    @Test("BEIR trec-covid queries are the TREC-COVID questions (two files agree)")
    func beirCovidIsQuestion() throws {
        let xml = try XMLTopicsReader.read(path: Fixtures.topics("topics.covid-round5.xml"))
        let jsonl = try JSONLTopicsReader.read(path: Fixtures.topics("beir-trec-covid.queries.jsonl"))
        #expect(jsonl.ids == xml.ids)
        // JSONL text is kept as written; XML text is collapsed. Topic 16's question has a
        // double space ("stable  on surfaces") in both files.
        func collapsed(_ text: String?) -> String? {
            text.map { $0.split(separator: " ").joined(separator: " ") }
        }
        for topic in jsonl {
            #expect(collapsed(topic[field: "text"]) == xml[id: topic.id]?[field: "question"], "topic \(topic.id)")
        }
        #expect(jsonl[id: "16"]?[field: "text"] == "how long does coronavirus remain stable  on surfaces?")
        #expect(xml[id: "16"]?[field: "question"] == "how long does coronavirus remain stable on surfaces?")
    }

    @Test("Web track 2013 XML: internal DTD, comments, subtopics, type attributes")
    func web() throws {
        let topics = try XMLTopicsReader.read(path: Fixtures.topics("topics.web.201-250.txt"))
        #expect(topics[id: "201"] == Topic(id: "201", fields: [
            "@type": "faceted",
            "query": "raspberry pi",
            "description": "What is a raspberry pi?",
            "subtopic.1": "What is a raspberry pi?", "subtopic.1@type": "inf",
            "subtopic.2": "What software does a raspberry pi use?", "subtopic.2@type": "inf",
            "subtopic.3": "What are hardware options for a raspberry pi?", "subtopic.3@type": "inf",
            "subtopic.4": "How much does a basic raspberry pi cost?", "subtopic.4@type": "nav",
            "subtopic.5": "Find info about the raspberry pi foundation.", "subtopic.5@type": "inf",
            "subtopic.6": "Find a picture of a raspberry pi.", "subtopic.6@type": "nav",
        ]))
        #expect(topics[id: "203"] == Topic(id: "203", fields: [
            "@type": "single",
            "query": "reviews of les miserables",
            "description": "Find movie reviews of the film \"Les Miserables\".",
        ]))
        #expect(topics[id: "202"]?[field: "description"]
                == "Find the home page of the USS Carl Vinson (CVN70) carrier.")
        #expect(topics[id: "247"]?[field: "@type"] == "ambiguous")
        #expect(topics[id: "247"]?[field: "subtopic.3"] == "Find movie reviews of \"Rain Man\".")
        #expect(topics[id: "250"]?[field: "description"] == "What problems have afflicted the Ford Edge car model?")
        let types = topics.compactMap { $0[field: "@type"] }
        #expect(types.filter { $0 == "faceted" }.count == 23)
        #expect(types.filter { $0 == "single" }.count == 25)
        #expect(types.filter { $0 == "ambiguous" }.count == 2)
        let subtopics = topics.flatMap { $0.fields }.filter { $0.name.hasPrefix("subtopic.") && !$0.name.contains("@") }
        #expect(subtopics.count == 134)
    }

    @Test("CLEF 2006 French TSV: string ids, UTF-8 kept")
    func clef() throws {
        let topics = try TSVTopicsReader.read(path: Fixtures.topics("topics.clef06fr.mono.fr.txt"))
        #expect(topics[id: "301-AH"] == Topic(id: "301-AH", fields: ["text": "Les Produits Nestlé"]))
        #expect(topics[id: "303-AH"]?[field: "text"] == "Les Peintures Italiennes")
        #expect(topics[id: "305-AH"]?[field: "text"] == "Les Prix du Pétrole")
        #expect(topics[id: "350-AH"]?[field: "text"] == "Le Décès d'Ayrton Senna")
        #expect(topics[id: "301"] == nil)
    }

    @Test("DL19 TSV: ids in file order, not sorted")
    func dl19() throws {
        let topics = try TSVTopicsReader.read(path: Fixtures.topics("topics.dl19-passage.txt"))
        #expect(Array(topics.ids.prefix(3)) == ["156493", "1110199", "1063750"])
        #expect(topics[id: "156493"]?[field: "text"] == "do goldfish grow")
        #expect(topics[id: "1063750"]?[field: "text"] == "why did the us volunterilay enter ww1")
        #expect(topics[id: "1129237"]?[field: "text"] == "hydrogen is a liquid below what temperature")
        #expect(topics[id: "146187"]?[field: "text"] == "difference between a mcdouble and a double cheeseburger")
    }

    @Test("BEIR queries.jsonl: ids, text as written, non-ASCII")
    func beir() throws {
        let scifact = try JSONLTopicsReader.read(path: Fixtures.topics("beir-scifact.queries.jsonl"))
        #expect(scifact[id: "1"] == Topic(id: "1", fields: ["text": "0-dimensional biomaterials show inductive properties."]))
        #expect(scifact[id: "13"]?[field: "text"] == "5% of perinatal mortality is due to low birth weight.")
        // JSON text is kept as written: the double space stays.
        #expect(scifact[id: "1395"]?[field: "text"]
                == "p16INK4A accumulation is  linked to an abnormal wound response caused by the microinvasive step of advanced Oral Potentially Malignant Lesions (OPMLs).")
        let nfcorpus = try JSONLTopicsReader.read(path: Fixtures.topics("beir-nfcorpus.queries.jsonl"))
        #expect(nfcorpus[id: "PLAIN-2"]?[field: "text"] == "Do Cholesterol Statin Drugs Cause Breast Cancer?")
        #expect(nfcorpus[id: "PLAIN-33"]?[field: "text"] == "What’s Driving America’s Obesity Problem?")
        #expect(nfcorpus[id: "PLAIN-3472"]?[field: "text"] == "How Doctors Responded to Being Named a Leading Killer")
        let covid = try JSONLTopicsReader.read(path: Fixtures.topics("beir-trec-covid.queries.jsonl"))
        #expect(covid[id: "13"]?[field: "text"] == "what are the transmission routes of coronavirus?")
        #expect(covid[id: "50"]?[field: "text"] == "what is known about an mRNA vaccine for the SARS-CoV-2 virus?")
    }

    static let compressed: [(compressed: String, plain: String)] = [
        ("topics.robust04.txt.gz", "topics.robust04.txt"),
        ("topics.web.201-250.txt.gz", "topics.web.201-250.txt"),
        ("topics.covid-round5.xml.zst", "topics.covid-round5.xml"),
        ("topics.clef06fr.mono.fr.txt.gz", "topics.clef06fr.mono.fr.txt"),
        ("beir-scifact.queries.jsonl.gz", "beir-scifact.queries.jsonl"),
    ]

    @Test("gzip and zstd files read the same as the plain ones, with the format detected", arguments: compressed)
    func compressedFiles(compressed: String, plain: String) throws {
        let a = try TopicsReader.read(path: Fixtures.topics(compressed))
        let b = try TopicsReader.read(path: Fixtures.topics(plain))
        #expect(a == b)
        #expect(try TopicsFormat.detect(path: Fixtures.topics(compressed)) == TopicsFormat.detect(path: Fixtures.topics(plain)))
    }
}
