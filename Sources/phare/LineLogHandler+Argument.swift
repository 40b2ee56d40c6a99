import ArgumentParser
import PhareKit

extension LineLogHandler.Format: ExpressibleByArgument {}
