//! 2-D affine matrices as PDF writes them: `[a b c d e f]`, row vectors.

use pdf_extract::Object;

/// An affine transform `[a b c d e f]`; a point maps as
/// `(x, y) -> (a x + c y + e, b x + d y + f)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Matrix {
    pub a: f64,
    pub b: f64,
    pub c: f64,
    pub d: f64,
    pub e: f64,
    pub f: f64,
}

impl Matrix {
    pub const IDENTITY: Matrix = Matrix {
        a: 1.0,
        b: 0.0,
        c: 0.0,
        d: 1.0,
        e: 0.0,
        f: 0.0,
    };

    pub fn translate(x: f64, y: f64) -> Matrix {
        Matrix {
            e: x,
            f: y,
            ..Matrix::IDENTITY
        }
    }

    /// Builds a matrix from six numeric operands; non-numbers count as 0.
    pub fn from_operands(ops: &[Object]) -> Matrix {
        let n = |i: usize| -> f64 {
            let v = match ops.get(i) {
                Some(Object::Integer(v)) => *v as f64,
                Some(Object::Real(v)) => f64::from(*v),
                _ => 0.0,
            };
            if v.is_finite() {
                v
            } else {
                0.0
            }
        };
        Matrix {
            a: n(0),
            b: n(1),
            c: n(2),
            d: n(3),
            e: n(4),
            f: n(5),
        }
    }

    /// `self` followed by `next` (PDF's `self × next`).
    pub fn then(&self, next: &Matrix) -> Matrix {
        Matrix {
            a: self.a * next.a + self.b * next.c,
            b: self.a * next.b + self.b * next.d,
            c: self.c * next.a + self.d * next.c,
            d: self.c * next.b + self.d * next.d,
            e: self.e * next.a + self.f * next.c + next.e,
            f: self.e * next.b + self.f * next.d + next.f,
        }
    }

    /// Maps a point.
    pub fn apply(&self, x: f64, y: f64) -> (f64, f64) {
        (
            self.a * x + self.c * y + self.e,
            self.b * x + self.d * y + self.f,
        )
    }

    /// The mean scale factor (square root of the determinant's magnitude).
    pub fn scale(&self) -> f64 {
        (self.a * self.d - self.b * self.c).abs().sqrt()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translation_then_scale_maps_points() {
        let m = Matrix::translate(10.0, 5.0).then(&Matrix {
            a: 2.0,
            d: 3.0,
            ..Matrix::IDENTITY
        });
        assert_eq!(m.apply(1.0, 1.0), (22.0, 18.0));
        assert!((m.scale() - 6f64.sqrt()).abs() < 1e-9);
    }
}
