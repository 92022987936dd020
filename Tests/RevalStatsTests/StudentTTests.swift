import Foundation
import Testing
@testable import RevalStats

@Suite("Student-t, normal and incomplete beta")
struct StudentTTests {
    @Test("t.sf agrees with scipy 1.17.1 to 1e-12 relative for df 1…1000 and |t| ≤ 40")
    func againstScipy() {
        for point in StudentTReference.points {
            expectRelative(StudentT.sf(point.t, degreesOfFreedom: point.df), point.sf, 1e-12)
        }
    }

    @Test("Closed forms: df 1 is Cauchy, df 2 has sf = ½ − t/(2√(2 + t²))")
    func closedForms() {
        // df = 1: P(T > t) = ½ − atan(t)/π.  df = 2: P(T > t) = ½ − t / (2·√(2 + t²)).
        for t in [0.25, 1.0, 3.0, 10.0] {
            expectRelative(StudentT.sf(t, degreesOfFreedom: 1), 0.5 - atan(t) / Double.pi, 1e-14)
            expectRelative(StudentT.sf(t, degreesOfFreedom: 2), 0.5 - t / (2 * (2 + t * t).squareRoot()), 1e-13)
        }
        #expect(StudentT.sf(0, degreesOfFreedom: 7) == 0.5)
        #expect(StudentT.twoSidedP(.infinity, degreesOfFreedom: 7) == 0)
        #expect(StudentT.sf(.nan, degreesOfFreedom: 7).isNaN)
    }

    @Test("The two-sided p is twice the upper tail of |t|")
    func twoSided() {
        for (df, t) in [(5.0, 2.5), (42.0, -0.9175), (1000.0, 30.0)] {
            expectRelative(StudentT.twoSidedP(t, degreesOfFreedom: df), 2 * StudentT.sf(abs(t), degreesOfFreedom: df), 1e-15)
        }
    }

    @Test("Incomplete beta: I_x(1,1) = x, I_x(a,1) = xᵃ, I_x(1,b) = 1 − (1 − x)ᵇ, I_½(a,a) = ½")
    func incompleteBeta() {
        for x in [0.01, 0.3, 0.5, 0.9, 0.999] {
            expectRelative(IncompleteBeta.regularized(x: x, a: 1, b: 1), x, 1e-14)
            expectRelative(IncompleteBeta.regularized(x: x, a: 3.5, b: 1), pow(x, 3.5), 1e-13)
            expectRelative(IncompleteBeta.regularized(x: x, a: 1, b: 4), 1 - pow(1 - x, 4), 1e-13)
        }
        for a in [0.5, 2.0, 10.0, 250.0] {
            expectRelative(IncompleteBeta.regularized(x: 0.5, a: a, b: a), 0.5, 1e-13)
        }
        #expect(IncompleteBeta.regularized(x: 0, a: 2, b: 3) == 0)
        #expect(IncompleteBeta.regularized(x: 1, a: 2, b: 3) == 1)
        #expect(IncompleteBeta.regularized(x: 0.5, a: -1, b: 3).isNaN)
    }

    @Test("Standard normal cdf agrees with scipy.special.ndtr")
    func normal() {
        // scipy 1.17.1 `scipy.special.ndtr(x)`, printed with repr.
        let reference: [(x: Double, cdf: Double)] = [
            (-40, 0.0), (-8, 6.22096057427174e-16), (-3, 0.0013498980316300933),
            (-1.5, 0.06680720126885807), (-0.5, 0.3085375387259869), (-0.001, 0.49960105778608893),
            (0, 0.5), (0.3, 0.6179114221889526), (1, 0.8413447460685429), (2, 0.9772498680518208),
            (5, 0.9999997133484281), (8, 0.9999999999999993), (12, 1.0),
        ]
        for point in reference {
            expectRelative(StandardNormal.cdf(point.x), point.cdf, 1e-14)
        }
        // 2·Φ(−1.959963984540054) = 0.05 (the 97.5% quantile of N(0, 1)).
        expectRelative(StandardNormal.twoSidedP(-1.959963984540054), 0.05, 1e-12)
    }
}
