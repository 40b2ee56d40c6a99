/// The Moore–Penrose pseudo-inverse of a symmetric matrix, as R's `MASS::ginv(x, tol)`:
/// eigenvalues whose magnitude is at most `tolerance` × the largest are treated as zero.
///
/// Calibration's Newton step solves with it (as `survey:::grake` does), so a margin whose
/// respondents all sit at a bound does not make the step fail. Cyclic Jacobi rotations: exact
/// enough (1e-15) and fast for the few dozen calibration constraints.
struct SymmetricPseudoInverse {
  private let values: [Double]
  private let vectors: [[Double]]
  private let kept: [Int]

  /// Decomposes `matrix` once, for solving with many right-hand sides.
  init(_ matrix: [[Double]], tolerance: Double = 256 * Double.ulpOfOne) {
    let (eigenvalues, eigenvectors) = Self.eigen(matrix)
    let largest = eigenvalues.map(abs).max() ?? 0
    values = eigenvalues
    vectors = eigenvectors
    kept = eigenvalues.indices.filter { abs(eigenvalues[$0]) > max(tolerance * largest, 0) }
  }

  /// The minimum-norm least-squares solution of matrix × x = vector.
  func solve(_ vector: [Double]) -> [Double] {
    let size = vector.count
    var result = [Double](repeating: 0, count: size)
    for k in kept {
      var projection = 0.0
      for i in 0..<size { projection += vectors[i][k] * vector[i] }
      let scaled = projection / values[k]
      for i in 0..<size { result[i] += vectors[i][k] * scaled }
    }
    return result
  }

  static func solve(_ matrix: [[Double]], _ vector: [Double]) -> [Double] {
    SymmetricPseudoInverse(matrix).solve(vector)
  }

  /// Eigenvalues and eigenvectors (as columns) of a symmetric matrix.
  static func eigen(_ matrix: [[Double]]) -> (values: [Double], vectors: [[Double]]) {
    let size = matrix.count
    var a = matrix
    var v = (0..<size).map { i in (0..<size).map { j in i == j ? 1.0 : 0.0 } }
    for _ in 0..<100 {
      var offDiagonal = 0.0
      var diagonal = 0.0
      for i in 0..<size {
        diagonal += a[i][i] * a[i][i]
        for j in (i + 1)..<size { offDiagonal += a[i][j] * a[i][j] }
      }
      if offDiagonal <= 1e-40 * diagonal { break }
      for p in 0..<size {
        for q in (p + 1)..<size where a[p][q] != 0 {
          let theta = (a[q][q] - a[p][p]) / (2 * a[p][q])
          let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
          let c = 1 / (t * t + 1).squareRoot()
          let s = t * c
          for k in 0..<size {
            let akp = a[k][p]
            let akq = a[k][q]
            a[k][p] = c * akp - s * akq
            a[k][q] = s * akp + c * akq
          }
          for k in 0..<size {
            let apk = a[p][k]
            let aqk = a[q][k]
            a[p][k] = c * apk - s * aqk
            a[q][k] = s * apk + c * aqk
          }
          for k in 0..<size {
            let vkp = v[k][p]
            let vkq = v[k][q]
            v[k][p] = c * vkp - s * vkq
            v[k][q] = s * vkp + c * vkq
          }
        }
      }
    }
    return ((0..<size).map { a[$0][$0] }, v)
  }
}
