import Foundation
@testable import AgendaAudit

enum Repo {
    /// The package root, found from this file's path.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    static let rubric: Rubric = {
        do { return try Rubric.load(path: path("rubric.json")) } catch { fatalError("rubric.json: \(error)") }
    }()

    static let coder = Coder(rubric: rubric)

    /// The built `agenda-audit` next to the test bundle.
    static var executable: String {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("agenda-audit").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        for configuration in ["debug", "release"] {
            let candidate = root.appendingPathComponent(".build/\(configuration)/agenda-audit").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return root.appendingPathComponent(".build/debug/agenda-audit").path
    }
}

/// A temporary folder removed at the end of the test.
final class TemporaryFolder {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("agenda-audit-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        write(name, Data(text.utf8))
    }

    @discardableResult
    func write(_ name: String, _ data: Data) -> String {
        let target = url.appendingPathComponent(name)
        try! FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! data.write(to: target)
        return target.path
    }
}

struct ProcessResult {
    var status: Int32
    var stdout: String
    var stderr: String
    /// The tool did not finish within the time limit and was killed.
    var timedOut = false
}

/// Runs the built tool. `wrapper` is a command put in front of it (e.g.
/// `setpriv ...` to drop root); after `timeout` seconds the tool is killed
/// and `timedOut` is set, so a hanging tool fails the test instead of
/// blocking the run.
func runTool(_ arguments: [String], in directory: String? = nil, wrapper: [String] = [],
             timeout: TimeInterval = 300) throws -> ProcessResult {
    let process = Process()
    if let command = wrapper.first {
        process.executableURL = URL(fileURLWithPath: command)
        process.arguments = Array(wrapper.dropFirst()) + [Repo.executable] + arguments
    } else {
        process.executableURL = URL(fileURLWithPath: Repo.executable)
        process.arguments = arguments
    }
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    var environment = ProcessInfo.processInfo.environment
    environment["AGENDA_AUDIT_RUBRIC"] = Repo.path("rubric.json")
    process.environment = environment
    // Output goes to files, so a large report cannot block the child on a full pipe.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("agenda-audit-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let outURL = folder.appendingPathComponent("stdout"), errURL = folder.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    let finished = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in finished.signal() }
    try process.run()
    var timedOut = false
    if finished.wait(timeout: .now() + timeout) == .timedOut {
        timedOut = true
        kill(process.processIdentifier, SIGKILL)
        finished.wait()
    }
    try out.close()
    try err.close()
    return ProcessResult(status: process.terminationStatus,
                         stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                         stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
                         timedOut: timedOut)
}

func document(_ text: String, ext: String = "txt", path: String = "test.txt") throws -> Document {
    try Ingest.parse(data: Data(text.utf8), path: path, ext: ext)
}

/// Codes one piece of text as a single-passage document.
func codes(_ text: String) -> [String] {
    let passage = Passage(id: "p1", kind: .paragraph, start: 0, end: text.unicodeScalars.count, line: 1, section: [], text: text)
    return Repo.coder.code(passage).codes.map(\.code)
}
