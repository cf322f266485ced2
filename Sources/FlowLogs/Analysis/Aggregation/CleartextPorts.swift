/// Ports whose protocols send data in clear text (HTTP, FTP, Telnet, SMTP, POP3, IMAP, LDAP,
/// SNMP, syslog, MQTT, Redis, Memcached, and HTTP alternates).
enum CleartextPorts {
    static let names: [UInt16: String] = [
        20: "FTP data", 21: "FTP", 23: "Telnet", 25: "SMTP", 80: "HTTP", 110: "POP3", 143: "IMAP",
        161: "SNMP", 389: "LDAP", 514: "syslog", 1883: "MQTT", 6379: "Redis", 8080: "HTTP-alt", 11211: "Memcached",
    ]

    /// A switch, not a dictionary lookup: asked for every record to a public peer.
    @inline(__always)
    static func contains(_ port: UInt16) -> Bool {
        switch port {
        case 20, 21, 23, 25, 80, 110, 143, 161, 389, 514, 1883, 6379, 8080, 11211: return true
        default: return false
        }
    }
}
