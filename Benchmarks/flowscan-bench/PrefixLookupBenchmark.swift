import FlowLogs
import Foundation

/// `flowscan-bench prefixes [FILE] [LOOKUPS]`: load time of ip-ranges.json, then lookups per second.
///
/// Addresses come from a fixed-seed generator, so every run looks up the same ones:
/// - IPv4 public: uniformly random public addresses (most are not AWS: the common case for traffic
///   to the internet);
/// - IPv4 in AWS: random addresses inside the file's IPv4 blocks (the dense /16s, the hard case);
/// - IPv6 mixed: half random global unicast (2000::/3), half random inside the /32s that hold AWS
///   blocks, so the search in the dense top-16-bit blocks is exercised and not every answer is a miss;
/// - IPv6 in AWS: random addresses inside the file's IPv6 blocks.
/// A checksum of the answers is printed so the optimizer cannot drop the work.
func runPrefixLookupBenchmark(_ arguments: [String]) throws {
    let path = arguments.first ?? "../shared/realdata/ip-ranges/ip-ranges-2026-08-22.json"
    let lookups = arguments.count > 1 ? Int(arguments[1]) ?? 50_000_000 : 50_000_000

    var loadTimes: [Double] = []
    var loaded: PrefixTable?
    for _ in 0..<5 {
        let start = ContinuousClock.now
        loaded = try PrefixTable.load(contentsOf: path)
        loadTimes.append(seconds(ContinuousClock.now - start))
    }
    let table = loaded!
    loadTimes.sort()
    print("file        \(path)")
    print("prefixes    \(table.ipv4PrefixCount) IPv4, \(table.ipv6PrefixCount) IPv6, "
          + "\(table.serviceRegions.count - 1) service-regions")
    print("load        \(milliseconds(loadTimes[0])) ms best, \(milliseconds(loadTimes[2])) ms median of 5")

    var random = SplitMix64(seed: 0x666c_6f77_7363_616e)
    let poolSize = 1 << 20
    var publicV4: [IPAddress] = []
    while publicV4.count < poolSize {
        let address = IPAddress(ipv4: UInt32(truncatingIfNeeded: random.next()))
        if address.scope == .public { publicV4.append(address) }
    }
    let blocks4 = table.prefixes.filter(\.address.isIPv4)
    let blocks6 = table.prefixes.filter { !$0.address.isIPv4 }
    let insideV4 = (0..<poolSize).map { _ in
        random.address(in: blocks4[Int(random.next() % UInt64(blocks4.count))])
    }
    let slash32s = Array(Set(blocks6.map { IPPrefix(address: $0.address, length: min($0.length, 32))! }))
        .sorted { $0.address < $1.address }
    let mixedV6 = (0..<poolSize).map { index in
        index % 2 == 0
            ? IPAddress(value: UInt128(0x2000) << 112 | UInt128(random.next()) << 64 | UInt128(random.next()) & ~(UInt128(0xe000) << 112))
            : random.address(in: slash32s[Int(random.next() % UInt64(slash32s.count))])
    }

    let insideV6 = (0..<poolSize).map { _ in
        random.address(in: blocks6[Int(random.next() % UInt64(blocks6.count))])
    }

    let pools = [("IPv4 public", publicV4), ("IPv4 in AWS", insideV4), ("IPv6 mixed", mixedV6), ("IPv6 in AWS", insideV6)]
    for (name, pool) in pools {
        var best = Double.infinity
        var checksum = 0, hits = 0
        for _ in 0..<3 {
            checksum = 0
            hits = 0
            let start = ContinuousClock.now
            pool.withUnsafeBufferPointer { addresses in
                var done = 0
                while done < lookups {
                    for address in addresses.prefix(lookups - done) {
                        let index = table.serviceRegionIndex(of: address)
                        checksum &+= index
                        hits &+= index == 0 ? 0 : 1
                    }
                    done += min(addresses.count, lookups - done)
                }
            }
            best = min(best, seconds(ContinuousClock.now - start))
        }
        let perSecond = Double(lookups) / best
        print("\(name.padding(toLength: 12, withPad: " ", startingAt: 0))"
              + "\(String(format: "%6.1f", perSecond / 1e6)) M lookups/s, "
              + "\(String(format: "%5.1f", best / Double(lookups) * 1e9)) ns/lookup "
              + "(best of 3, \(lookups) lookups, \(hits * 100 / lookups)% AWS, checksum \(checksum))")
    }
}

private func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

private func milliseconds(_ seconds: Double) -> String { String(format: "%.1f", seconds * 1000) }
