/// Sums over every row of a group, whatever the variable: out-of-domain rows still carry a
/// calibration residual, as in R where a domain of a calibrated design keeps all its rows.
struct GroupTotals {
  var count = 0.0
  var startWeight = 0.0  // Σ w0
  var startWeightSquared = 0.0  // Σ w0²
}
