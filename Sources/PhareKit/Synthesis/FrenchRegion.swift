/// The 13 regions of mainland France (INSEE 2016) and the sizes the populations are built from; only
/// the 35,795 communes are published, every split here is approximate (Fixtures/populations/README.md).
struct FrenchRegion: Sendable {
  let code: Int
  let name: String
  /// The UDA5 zone the association figures are published by (1 Île-de-France, 2 Nord-Est,
  /// 3 Nord-Ouest, 4 Sud-Est, 5 Sud-Ouest), read off the regional map.
  let zone: Int
  let ruralCommunes: Int
  let urbanCommunes: Int
  /// Adults (18 and over) around 2015, and the share of them living in urban communes.
  let adults: Int
  let urbanAdultShare: Double
  /// Associations in activity around 2015, and those with employees among them.
  let associations: Int
  let employerAssociations: Int
  /// Companies with fewer than 10 employees (1 to 9) and with 10 or more.
  let smallCompanies: Int
  let largeCompanies: Int

  var communes: Int { ruralCommunes + urbanCommunes }

  static let all: [FrenchRegion] = [
    FrenchRegion(
      code: 11, name: "Île-de-France", zone: 1, ruralCommunes: 705, urbanCommunes: 576, adults: 9_243_000,
      urbanAdultShare: 0.96, associations: 210_000, employerAssociations: 30_000, smallCompanies: 255_000,
      largeCompanies: 48_000),
    FrenchRegion(
      code: 24, name: "Centre-Val de Loire", zone: 3, ruralCommunes: 1658, urbanCommunes: 184, adults: 2_023_000,
      urbanAdultShare: 0.64, associations: 50_000, employerAssociations: 6000, smallCompanies: 38_000,
      largeCompanies: 7500),
    FrenchRegion(
      code: 27, name: "Bourgogne-Franche-Comté", zone: 2, ruralCommunes: 3441, urbanCommunes: 259,
      adults: 2_227_000, urbanAdultShare: 0.58, associations: 64_000, employerAssociations: 7500,
      smallCompanies: 42_000, largeCompanies: 8500),
    FrenchRegion(
      code: 28, name: "Normandie", zone: 3, ruralCommunes: 2790, urbanCommunes: 310, adults: 2_618_000,
      urbanAdultShare: 0.63, associations: 60_000, employerAssociations: 7000, smallCompanies: 47_000,
      largeCompanies: 9500),
    FrenchRegion(
      code: 32, name: "Hauts-de-France", zone: 2, ruralCommunes: 3221, urbanCommunes: 569, adults: 4_597_000,
      urbanAdultShare: 0.79, associations: 95_000, employerAssociations: 12_000, smallCompanies: 76_000,
      largeCompanies: 17_000),
    FrenchRegion(
      code: 44, name: "Grand Est", zone: 2, ruralCommunes: 4590, urbanCommunes: 510, adults: 4_364_000,
      urbanAdultShare: 0.71, associations: 120_000, employerAssociations: 14_500, smallCompanies: 83_000,
      largeCompanies: 16_500),
    FrenchRegion(
      code: 52, name: "Pays de la Loire", zone: 3, ruralCommunes: 1120, urbanCommunes: 280, adults: 2_881_000,
      urbanAdultShare: 0.64, associations: 76_000, employerAssociations: 9500, smallCompanies: 61_000,
      largeCompanies: 13_500),
    FrenchRegion(
      code: 53, name: "Bretagne", zone: 3, ruralCommunes: 1028, urbanCommunes: 226, adults: 2_601_000,
      urbanAdultShare: 0.57, associations: 80_000, employerAssociations: 9500, smallCompanies: 56_000,
      largeCompanies: 11_000),
    FrenchRegion(
      code: 75, name: "Nouvelle-Aquitaine", zone: 5, ruralCommunes: 4066, urbanCommunes: 354, adults: 4_730_000,
      urbanAdultShare: 0.60, associations: 136_000, employerAssociations: 15_500, smallCompanies: 99_000,
      largeCompanies: 17_500),
    FrenchRegion(
      code: 76, name: "Occitanie", zone: 5, ruralCommunes: 4077, urbanCommunes: 403, adults: 4_590_000,
      urbanAdultShare: 0.68, associations: 140_000, employerAssociations: 15_500, smallCompanies: 100_000,
      largeCompanies: 17_000),
    FrenchRegion(
      code: 84, name: "Auvergne-Rhône-Alpes", zone: 4, ruralCommunes: 3539, urbanCommunes: 576, adults: 6_144_000,
      urbanAdultShare: 0.75, associations: 170_000, employerAssociations: 20_000, smallCompanies: 132_000,
      largeCompanies: 26_500),
    FrenchRegion(
      code: 93, name: "Provence-Alpes-Côte d'Azur", zone: 4, ruralCommunes: 591, urbanCommunes: 362,
      adults: 3_981_000, urbanAdultShare: 0.92, associations: 105_000, employerAssociations: 12_000,
      smallCompanies: 92_000, largeCompanies: 15_000),
    FrenchRegion(
      code: 94, name: "Corse", zone: 4, ruralCommunes: 335, urbanCommunes: 25, adults: 267_000,
      urbanAdultShare: 0.55, associations: 9000, employerAssociations: 1000, smallCompanies: 9000,
      largeCompanies: 1000),
  ]

  static func named(_ code: Int) -> FrenchRegion { all.first { $0.code == code }! }

  /// PACA and Corse are published together (« 93+94 »): Corse takes PACA's published figure.
  var publishedCode: Int { code == 94 ? 93 : code }
}
