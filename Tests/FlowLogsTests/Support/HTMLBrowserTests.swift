import Testing
@testable import FlowLogs

/// The page in a real browser: Chromium applies the stylesheet the policy names (any CSP
/// violation is a console message), draws the charts, and honours the dark scheme.
@Suite(.enabled(if: Chromium.isInstalled, "chromium is not installed (apt-get install chromium): the browser render is skipped"))
struct HTMLBrowserTests {
    @Test func thePageLoadsCleanlyAndShowsSomething() throws {
        let render = try Chromium.render(HTMLFixtures.page())
        #expect(render.status == 0, "\(render.log)")
        #expect(render.consoleMessages == [])
        let image = try #require(PNGPixels(render.png), "no PNG screenshot: \(render.log)")
        #expect(image.width == 1000 && image.height == 1400)
        #expect(image.distinctColours > 50, "a blank or unstyled page")
        #expect(image.inkShare > 0.05)
        // The light scheme: the background (the commonest colour) is white.
        #expect(Self.commonest(image) == [255, 255, 255])
        // The chart colours were applied: the first series' blue is on the page.
        #expect(Self.has(image, rgb: [0x00, 0x72, 0xb2]))
    }

    @Test func theDarkSchemeIsDark() throws {
        let render = try Chromium.render(HTMLFixtures.page(), darkScheme: true)
        #expect(render.consoleMessages == [])
        let image = try #require(PNGPixels(render.png), "no PNG screenshot: \(render.log)")
        #expect(Self.commonest(image) == [0x0d, 0x11, 0x17])
        #expect(Self.has(image, rgb: [0x3d, 0x8f, 0xd1]))
    }

    /// The check can fail: a style attribute and a script are refused, and the refusal is seen.
    @Test func aViolationIsSeen() throws {
        var page = HTMLFixtures.page(names: ["x"])
        let marker = Array("<h1>".utf8)
        let index = try #require(page.indices.first { page[$0...].starts(with: marker) })
        page.replaceSubrange(index..<(index + marker.count), with: Array("<h1 style=\"color:red\">".utf8))
        let render = try Chromium.render(page)
        #expect(render.consoleMessages.count == 1)
        #expect(render.consoleMessages.first?.contains("Content Security Policy") == true)
    }

    static func commonest(_ image: PNGPixels) -> [UInt8] {
        var counts: [[UInt8]: Int] = [:]
        for start in stride(from: 0, to: image.samples.count, by: image.channels) {
            counts[Array(image.samples[start..<(start + 3)]), default: 0] += 1
        }
        return counts.max { $0.value < $1.value }?.key ?? []
    }

    static func has(_ image: PNGPixels, rgb: [UInt8]) -> Bool {
        stride(from: 0, to: image.samples.count, by: image.channels).contains { image.samples[$0..<($0 + 3)].elementsEqual(rgb) }
    }
}
