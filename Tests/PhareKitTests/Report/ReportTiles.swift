import Foundation

/// The region tiles of a report's map as a DOM (Chromium's, or the file itself) holds them:
/// each `<g class="region">`'s `data-` attributes and the texts printed on it, entities decoded.
struct ReportTiles {
  struct Tile {
    var attributes: [String: String]
    /// The tile's `<text>` contents in order: name, then value, interval and base when published.
    var texts: [String]
    /// Whether the tile is drawn hatched (low base).
    var hatched: Bool
  }

  var byRegion: [String: Tile] = [:]

  init(html: String) {
    for match in html.matches(of: /<g class="region"([^>]*)>(.*?)<\/g>/) {
      var attributes: [String: String] = [:]
      for attribute in match.output.1.matches(of: /([a-z-]+)="([^"]*)"/) {
        attributes[String(attribute.output.1)] = Self.decode(String(attribute.output.2))
      }
      let body = String(match.output.2)
      let texts = body.matches(of: /<text[^>]*>([^<]*)<\/text>/).map { Self.decode(String($0.output.1)) }
      guard let code = attributes["data-region"] else { continue }
      byRegion[code] = Tile(attributes: attributes, texts: texts, hatched: body.contains("-hachures)"))
    }
  }

  /// The cells of the row headed `label` of the table captioned `caption`, in a DOM as Chromium
  /// serialises it (text escaping `&`, `<`, `>` only): tags dropped, entities decoded, no-break
  /// spaces as spaces, thousands not grouped.
  static func tableRow(_ label: String, captioned caption: String, in dom: String) -> [String]? {
    func text(_ plain: String) -> String {
      plain.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;")
    }
    guard let table = dom.range(of: "<caption>\(text(caption))</caption>"),
      let start = dom[table.upperBound...].range(of: "<th scope=\"row\">\(text(label))</th>")
    else { return nil }
    let row = dom[start.upperBound...]
    guard let end = row.range(of: "</tr>") else { return nil }
    return row[..<end.lowerBound].matches(of: /<td[^>]*>(.*?)<\/td>/).map {
      decode(String($0.output.1).replacing(/<[^>]+>/, with: "")).replacingOccurrences(of: "\u{A0}", with: " ")
        .replacingOccurrences(of: "\u{202F}", with: "")
    }
  }

  /// HTML's character references as the report and Chromium's serialiser write them.
  static func decode(_ text: String) -> String {
    text.replacingOccurrences(of: "&nbsp;", with: "\u{A0}").replacingOccurrences(of: "&lt;", with: "<")
      .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
      .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
  }
}
