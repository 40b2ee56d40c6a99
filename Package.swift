// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "phare",
  products: [
    .library(name: "PhareKit", targets: ["PhareKit"]),
    .executable(name: "phare", targets: ["phare"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
  ],
  targets: [
    // libcsv (Debian libcsv-dev): ships csv.h and no pkg-config file.
    .systemLibrary(name: "CLibCSV", providers: [.apt(["libcsv-dev"])]),
    // libRmath (Debian r-mathlib): R's own distribution functions.
    // ReadStat (Debian libreadstat-dev): SPSS .sav/.zsav and Stata .dta, read and written.
    .systemLibrary(name: "CReadStat", providers: [.apt(["libreadstat-dev"])]),
    .systemLibrary(name: "CRmath", pkgConfig: "libRmath", providers: [.apt(["r-mathlib"])]),
    // libxlsxwriter (Debian libxlsxwriter-dev): the Excel workbooks of the cross-tables.
    .systemLibrary(name: "CXLSXWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
    // renameat2(RENAME_EXCHANGE), which Swift's Glibc module does not show: whole output folders swapped atomically.
    .target(name: "CFileSwap"),
    .target(
      name: "PhareKit",
      dependencies: [
        "CLibCSV", "CReadStat", "CRmath", "CXLSXWriter", "CFileSwap", "Yams",
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    .executableTarget(
      name: "phare",
      dependencies: ["PhareKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
    ),
    .executableTarget(
      name: "phare-bench",
      dependencies: ["PhareKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
    ),
    // The benchmark floor: libcsv with no-op callbacks, in C, built with the same configuration.
    .executableTarget(name: "csv-floor", dependencies: ["CFloorReport"], linkerSettings: [.linkedLibrary("csv")]),
    // The SPSS ingest floor: ReadStat's parse of a .sav with no-op callbacks, in C.
    .executableTarget(name: "sav-floor", dependencies: ["CFloorReport"], linkerSettings: [.linkedLibrary("readstat")]),
    // What both floors report of themselves (their peak RSS), in C.
    .target(name: "CFloorReport"),
    // JSON parsing and a JSON Schema validator, for the tests to check every feed against its schema.
    .target(name: "TestSupport", path: "Tests/Support"),
    .testTarget(
      name: "PhareKitTests",
      dependencies: ["PhareKit", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]
    ),
    .testTarget(name: "phareTests", dependencies: ["phare", "TestSupport"]),
  ]
)
