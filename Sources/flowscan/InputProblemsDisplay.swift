import FlowLogs

/// Names the inputs that were skipped, damaged or are not flow logs on standard error, the first
/// few of them and a count of the rest (the report's Inputs section and `inspect` list them all).
enum InputProblemsDisplay {
    static let shown = 10

    static func show(_ inputs: Inspection) {
        let problems = inputs.problems.filter(\.makesResultPartial)
        guard !problems.isEmpty else { return }
        var text = ""
        for problem in problems.prefix(shown) { text += "flowscan: \(problem.sentence)\n" }
        if problems.count > shown {
            text += "flowscan: … and \(problems.count - shown) more inputs skipped, damaged or not flow logs ('flowscan inspect' lists every file)\n"
        }
        Console.error(text)
    }
}
