import Foundation
import Testing
@testable import JournalCore

@Suite struct FeelTowardTests {
    static let sorter: FeelTowardSorter = {
        let library = FlowLibrary(sources: [Fixtures.shipped("feel-toward-lexicon.yaml")])
        return FeelTowardSorter(lexicon: library.lexicon)
    }()

    static let fixtures: [(FeelTowardResult, String)] = {
        let url = Fixtures.testsFolder.appendingPathComponent("Fixtures/feel-toward-answers.txt")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#"), let bar = line.firstIndex(of: "|") else { return nil }
            let result = FeelTowardResult(rawValue: line[..<bar].trimmingWhitespace())
            return result.map { ($0, line[line.index(after: bar)...].trimmingWhitespace()) }
        }
    }()

    @Test func theShippedLexiconLoads() {
        let library = FlowLibrary(sources: [Fixtures.shipped("feel-toward-lexicon.yaml")])
        #expect(library.problems.isEmpty)
        #expect(library.lexicon.selfPresent.count > 40)
        #expect(Self.fixtures.count >= 45)
    }

    @Test(arguments: FeelTowardTests.fixtures)
    func sortsRealisticAnswers(_ expected: FeelTowardResult, _ answer: String) {
        #expect(Self.sorter.sort(answer).result == expected, "\(answer)")
    }

    @Test func evidenceQuotesThePersonsOwnWords() {
        #expect(Self.sorter.sort("Mostly curious, but honestly annoyed").evidence == ["annoyed"])
        #expect(Self.sorter.sort("I'm not curious").evidence == ["curious"])
        #expect(Self.sorter.sort("warm and open").evidence == ["warm", "open"])
    }

    @Test func negationStaysInsideItsClause() {
        #expect(Self.sorter.sort("not angry, curious").result == .selfPresent)
        #expect(Self.sorter.sort("not angry but curious").result == .selfPresent)
        #expect(Self.sorter.sort("not really curious").result == .concernedPart)
        #expect(Self.sorter.sort("I wouldn't say curious").result == .concernedPart)
    }

    @Test func anEmptyLexiconSortsEverythingAsUnclear() {
        #expect(FeelTowardSorter(lexicon: FeelTowardLexicon()).sort("curious and warm").result == .unclear)
    }
}
