import Foundation

/// The colours of a PNG screenshot, read by Debian's python3 with PIL (`python3-pil`, installed
/// by `make test-deps`): how many distinct colours, and the share of pixels in the commonest.
public struct ScreenshotColours {
  public static let python = "/usr/bin/python3"

  public var distinct: Int
  /// Pixels of the commonest colour over all pixels, 0–1: near 1 for a blank page.
  public var commonestShare: Double

  /// - Throws: `Chromium.Failure` when python3 or PIL is missing or cannot read `png`.
  public init(png: String) throws {
    let script = """
      import sys
      from PIL import Image
      image = Image.open(sys.argv[1]).convert("RGB")
      colours = image.getcolors(image.width * image.height)
      print(len(colours), max(count for count, _ in colours) / (image.width * image.height))
      """
    let run: Subprocess
    do { run = try Subprocess.run(URL(fileURLWithPath: Self.python), ["-c", script, png]) } catch {
      throw Chromium.Failure(description: "\(Self.python) cannot run (\(error)): install python3-pil (make test-deps)")
    }
    let text = run.stdout + run.stderr
    let fields = text.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    guard run.status == 0, fields.count == 2, let distinct = Int(fields[0]),
      let share = Double(fields[1])
    else {
      throw Chromium.Failure(description: "PIL could not read \(png) (install python3-pil): \(text)")
    }
    self.distinct = distinct
    commonestShare = share
  }
}
