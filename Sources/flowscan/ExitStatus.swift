/// The exit statuses flowscan documents (README, "Exit status").
enum ExitStatus: Int32 {
    /// Everything was read and analysed.
    case success = 0
    /// Usage or configuration error: nothing was analysed.
    case usage = 1
    /// Finished, but some input was damaged or skipped; the output is complete for what was read.
    case partialInput = 2
    /// `--fail-above` was exceeded. Takes precedence over `partialInput`: more input can only add
    /// traffic, so a saving already over the threshold stays over it.
    case thresholdExceeded = 3
    /// No flow-log record was read from any input (all missing, skipped or not flow logs): no
    /// report is printed, only the reasons on standard error.
    case nothingRead = 4
}
