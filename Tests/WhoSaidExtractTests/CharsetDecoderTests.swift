import Testing
@testable import WhoSaidExtract

@Suite struct CharsetDecoderTests {
    @Test func windows1252BytesBecomeUTF8() throws {
        // “Café” in windows-1252: 0x93 C a f 0xE9 0x94
        let bytes: [UInt8] = [0x93, 0x43, 0x61, 0x66, 0xE9, 0x94]
        let d = try CharsetDecoder.decode(bytes, declared: nil, sniffMeta: false)
        #expect(String(decoding: d.utf8, as: UTF8.self) == "“Café”")
        #expect(d.charset == "windows-1252")
    }

    @Test func validUTF8WinsOverAWrongDeclaration() throws {
        let bytes = Array("<meta charset=\"iso-8859-1\"><p>Café</p>".utf8)
        let d = try CharsetDecoder.decode(bytes, declared: nil, sniffMeta: true)
        #expect(String(decoding: d.utf8, as: UTF8.self).contains("Café"))
    }

    @Test func metaDeclarationIsFollowedForLegacyBytes() throws {
        // KOI8-R "Привет"
        var bytes = Array("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\"></head><body><p>".utf8)
        bytes += [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4]
        bytes += Array("</p></body></html>".utf8)
        let d = try CharsetDecoder.decode(bytes, declared: nil, sniffMeta: true)
        #expect(d.charset == "koi8-r")
        #expect(String(decoding: d.utf8, as: UTF8.self).contains("Привет"))
    }

    @Test func unknownCharsetWithInvalidBytesIsAnError() {
        let bytes: [UInt8] = Array("<meta charset=x-no-such-charset><p>".utf8) + [0xFF, 0xFE, 0x80]
        #expect(throws: ExtractionError.unknownCharset("x-no-such-charset")) {
            try CharsetDecoder.decode(bytes, declared: nil, sniffMeta: true)
        }
    }
}
