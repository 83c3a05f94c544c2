import Foundation
import FFDatasets
import Testing

@Suite("Data set names")
struct DatasetNameTests {
    @Test("known names parse, leniently")
    func parsing() throws {
        #expect(try DatasetName(parsing: "mnist") == .mnist)
        #expect(try DatasetName(parsing: " Fashion_MNIST ") == .fashionMNIST)
        #expect(DatasetName.fashionMNIST.rawValue == "fashion-mnist")
    }

    @Test("unknown names list the known ones")
    func unknownName() throws {
        let error = try #require(datasetError { () throws(DatasetError) in try DatasetName(parsing: "cifar10") })
        #expect(error == .unknownDataset(name: "cifar10", known: ["mnist", "fashion-mnist"]))
        #expect(error.description == "unknown data set 'cifar10'; known data sets: mnist, fashion-mnist")
    }

    @Test("names round-trip through Codable")
    func codable() throws {
        let data = try JSONEncoder().encode([DatasetName.fashionMNIST])
        #expect(String(decoding: data, as: UTF8.self) == #"["fashion-mnist"]"#)
        #expect(try JSONDecoder().decode([DatasetName].self, from: data) == [.fashionMNIST])
    }
}
