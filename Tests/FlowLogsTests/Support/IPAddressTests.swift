import Testing
@testable import FlowLogs

struct IPAddressTests {
    @Test(arguments: [
        ("10.0.1.5", "10.0.1.5"), ("0.0.0.0", "0.0.0.0"), ("255.255.255.255", "255.255.255.255"),
        ("::", "::"), ("::1", "::1"), ("2001:db8::1", "2001:db8::1"),
        ("2001:DB8:0:0:1:0:0:1", "2001:db8::1:0:0:1"), ("::ffff:10.0.1.5", "10.0.1.5"),
        ("2600:1f18:0:0:0:0:0:0", "2600:1f18::"), ("1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8"),
        ("64:ff9b::192.0.2.33", "64:ff9b::c000:221"), ("1::", "1::"),
    ])
    func parsesAndPrints(text: String, printed: String) throws {
        let address = try #require(IPAddress(text))
        #expect(address.description == printed)
        #expect(IPAddress(printed) == address)
    }

    @Test(arguments: [
        "", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1.2.3.1000", "01234.1.1.1", "1..2.3", "1.2.3.",
        ":::", "1:2:3:4:5:6:7:8:9", "1::2::3", "fe80::1%eth0", "12345::", "1:", ":1", "g::1",
        "::ffff:1.2.3.256", "1.2.3.4 ", "-", "1:2:3:4:5:6:7::8:9",
    ])
    func rejects(text: String) {
        #expect(IPAddress(text) == nil)
    }

    @Test func ipv4IsMapped() throws {
        let address = try #require(IPAddress("52.216.8.1"))
        #expect(address.isIPv4)
        #expect(address.ipv4 == 0x34D8_0801)
        #expect(IPAddress("::ffff:52.216.8.1") == address)
        #expect(IPAddress("2001:db8::1")?.isIPv4 == false)
    }

    @Test(arguments: [
        ("10.1.2.3", AddressScope.private), ("172.16.0.1", .private), ("172.32.0.1", .public),
        ("192.168.9.9", .private), ("100.64.0.1", .private), ("100.128.0.1", .public),
        ("169.254.169.254", .linkLocal), ("127.0.0.1", .loopback), ("52.216.8.1", .public),
        ("203.0.113.5", .public), ("fd00::1", .uniqueLocal), ("fe80::1", .linkLocal),
        ("::1", .loopback), ("::", .reserved), ("ff02::1", .multicast), ("224.0.0.1", .multicast),
        ("255.255.255.255", .reserved), ("0.0.0.0", .reserved), ("2600:1f18::1", .public),
    ])
    func scopes(text: String, scope: AddressScope) throws {
        #expect(try #require(IPAddress(text)).scope == scope)
    }

    @Test func prefixes() throws {
        let prefix = try #require(IPPrefix("52.216.0.0/15"))
        #expect(prefix.contains(try #require(IPAddress("52.216.0.0"))))
        #expect(prefix.contains(try #require(IPAddress("52.217.255.255"))))
        #expect(!prefix.contains(try #require(IPAddress("52.218.0.0"))))
        #expect(!prefix.contains(try #require(IPAddress("52.215.255.255"))))
        #expect(prefix.last.description == "52.217.255.255")
        #expect(IPPrefix("10.0.0.1/8")?.description == "10.0.0.0/8")
        #expect(IPPrefix("10.0.0.0/33") == nil)
        #expect(IPPrefix("2600:1f18::/33")?.contains(try #require(IPAddress("2600:1f18:7fff::1"))) == true)
        #expect(IPPrefix("0.0.0.0/0")?.contains(try #require(IPAddress("255.255.255.255"))) == true)
        #expect(IPPrefix("0.0.0.0/0")?.contains(try #require(IPAddress("2600::1"))) == false)
        #expect(IPPrefix("10.0.0.0/") == nil)
        #expect(IPPrefix("10.0.0.0/-1") == nil)
    }
}
