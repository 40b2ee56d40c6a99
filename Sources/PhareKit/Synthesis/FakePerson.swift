/// An invented respondent's name, phone and e-mail: the personal-data columns every export has,
/// so that the clean stage's promise to drop them is exercised. No real person is described.
struct FakePerson {
  let name: String
  let phone: String
  let email: String

  private static let firstNames = [
    "Jean", "Marie", "Pierre", "Sophie", "Luc", "Anne", "Paul", "Claire", "Michel", "Isabelle", "Nicolas", "Nathalie",
    "Éric", "Céline", "François", "Hélène", "Karim", "Fatima", "Thomas", "Léa",
  ]
  private static let lastNames = [
    "Dupont", "Martin", "Bernard", "Durand", "Lefèvre", "Moreau", "Girard", "Roux", "Fournier", "Mercier", "Petit",
    "Garnier", "Chevalier", "Benali", "Le Gall", "Nguyen", "Rousseau", "Blanc", "Guérin", "Faure",
  ]

  init(_ random: inout SplitMix64, domain: String) {
    let first = Self.firstNames[random.below(Self.firstNames.count)]
    let last = Self.lastNames[random.below(Self.lastNames.count)]
    name = "\(first) \(last)"
    let digits = (0..<4).map { _ in String(10 + random.below(90)) }
    phone = "0\(6 + random.below(2)) " + digits.joined(separator: " ")
    email = "\(first).\(last)".lowercased().replacingOccurrences(of: " ", with: "") + "@" + domain
  }
}
