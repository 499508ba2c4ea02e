//! Tables: the width of each column.

use super::blocks::Table;
use super::breaker::Inline;
use super::metrics;
use super::{CELL_PAD, TABLE_SIZE};

/// Column widths that fit `width`: natural widths when they fit, else shares between each
/// column's longest word and its natural width, like HTML's automatic table layout.
pub(super) fn column_widths(t: &Table, columns: usize, width: f32) -> Vec<f32> {
    let mut natural = vec![0.0f32; columns];
    let mut minimum = vec![0.0f32; columns];
    for row in std::iter::once(&t.head).chain(&t.rows) {
        for (c, cell) in row.iter().enumerate() {
            let mut line = 0.0;
            for inline in cell {
                if let Inline::Text(span) = inline {
                    let face = metrics::face(span.style);
                    line += face.width(&span.text, TABLE_SIZE);
                    for word in span.text.split_whitespace() {
                        minimum[c] = minimum[c].max(face.width(word, TABLE_SIZE).min(width / 3.0));
                    }
                }
            }
            natural[c] = natural[c].max(line);
        }
    }
    let pad = 2.0 * CELL_PAD;
    let natural: Vec<f32> = natural.iter().map(|w| w + pad + 1.0).collect();
    let minimum: Vec<f32> = minimum.iter().map(|w| w + pad + 1.0).collect();
    let total: f32 = natural.iter().sum();
    if total <= width {
        // Spread the spare room evenly so the table spans the measure.
        let spare = (width - total) / columns as f32;
        return natural.iter().map(|w| w + spare).collect();
    }
    let min_total: f32 = minimum.iter().sum();
    if min_total <= width {
        let flexible: f32 = natural.iter().zip(&minimum).map(|(n, m)| n - m).sum();
        let spare = width - min_total;
        return natural
            .iter()
            .zip(&minimum)
            .map(|(n, m)| {
                m + if flexible > 0.0 {
                    spare * (n - m) / flexible
                } else {
                    0.0
                }
            })
            .collect();
    }
    minimum.iter().map(|m| width * m / min_total).collect()
}
