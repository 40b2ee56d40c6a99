import ArgumentParser
import PhareKit

/// `--csv-locale rfc4180|fr`.
extension CSVLocale: ExpressibleByArgument {}
