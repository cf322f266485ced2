/// A value handed to threads that use it in ways the compiler cannot check (each writes only
/// its own parts, and the threads are joined before the value is used again).
struct UnsafeSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
