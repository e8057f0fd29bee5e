//! Colour arithmetic the themes are checked with: WCAG 2 relative luminance and contrast ratio,
//! alpha compositing (sRGB, as egui and the exporters blend), CIELAB (D65) and the CIEDE2000
//! colour difference.

use super::scene::Color;

/// An sRGB channel (0–255) as linear light (0–1).
fn linear_light(channel: u8) -> f64 {
    let c = f64::from(channel) / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

/// WCAG 2 relative luminance of an opaque colour, 0 (black) to 1 (white).
pub fn relative_luminance(color: Color) -> f64 {
    let linear = linear_light;
    0.2126 * linear(color.r) + 0.7152 * linear(color.g) + 0.0722 * linear(color.b)
}

/// WCAG 2 contrast ratio of two colours, 1 to 21; a translucent `foreground` is first blended
/// over `background`.
pub fn contrast_ratio(foreground: Color, background: Color) -> f64 {
    let foreground = composite_over(foreground, background);
    let (a, b) = (
        relative_luminance(foreground),
        relative_luminance(background),
    );
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

/// `top` (unmultiplied alpha) blended over an opaque `bottom`, in sRGB bytes as painters blend.
pub fn composite_over(top: Color, bottom: Color) -> Color {
    let alpha = f64::from(top.a) / 255.0;
    let mix = |t: u8, b: u8| (f64::from(t) * alpha + f64::from(b) * (1.0 - alpha)).round() as u8;
    Color::rgb(
        mix(top.r, bottom.r),
        mix(top.g, bottom.g),
        mix(top.b, bottom.b),
    )
}

/// CIELAB (D65 white) of an opaque colour: lightness 0–100 and the a*, b* axes.
pub fn lab(color: Color) -> [f64; 3] {
    let linear = linear_light;
    let (r, g, b) = (linear(color.r), linear(color.g), linear(color.b));
    let x = (0.412_456_4 * r + 0.357_576_1 * g + 0.180_437_5 * b) / 0.950_47;
    let y = 0.212_672_9 * r + 0.715_152_2 * g + 0.072_175 * b;
    let z = (0.019_333_9 * r + 0.119_192 * g + 0.950_304_1 * b) / 1.088_83;
    let f = |t: f64| {
        if t > 216.0 / 24389.0 {
            t.cbrt()
        } else {
            (24389.0 / 27.0 * t + 16.0) / 116.0
        }
    };
    let (fx, fy, fz) = (f(x), f(y), f(z));
    [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
}

/// The CIE76 colour difference (Euclidean distance in CIELAB).
pub fn delta_e_cie76(a: Color, b: Color) -> f64 {
    let (p, q) = (lab(a), lab(b));
    ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2) + (p[2] - q[2]).powi(2)).sqrt()
}

/// The CIEDE2000 colour difference (Sharma, Wu and Dalal's formulation); about 2.3 is just
/// noticeable side by side.
pub fn delta_e_2000(a: Color, b: Color) -> f64 {
    delta_e_2000_lab(lab(a), lab(b))
}

/// CIEDE2000 of two CIELAB colours.
pub fn delta_e_2000_lab([l1, a1, b1]: [f64; 3], [l2, a2, b2]: [f64; 3]) -> f64 {
    let c_mean = (a1.hypot(b1) + a2.hypot(b2)) / 2.0;
    let pow7 = |x: f64| x.powi(7);
    let g = 0.5 * (1.0 - (pow7(c_mean) / (pow7(c_mean) + pow7(25.0))).sqrt());
    let (a1p, a2p) = ((1.0 + g) * a1, (1.0 + g) * a2);
    let (c1p, c2p) = (a1p.hypot(b1), a2p.hypot(b2));
    let hue = |b: f64, a: f64| {
        if a == 0.0 && b == 0.0 {
            0.0
        } else {
            b.atan2(a).to_degrees().rem_euclid(360.0)
        }
    };
    let (h1p, h2p) = (hue(b1, a1p), hue(b2, a2p));
    let delta_l = l2 - l1;
    let delta_c = c2p - c1p;
    let chroma_product = c1p * c2p;
    let delta_h_angle = if chroma_product == 0.0 {
        0.0
    } else {
        let d = h2p - h1p;
        if d > 180.0 {
            d - 360.0
        } else if d < -180.0 {
            d + 360.0
        } else {
            d
        }
    };
    let delta_h = 2.0 * chroma_product.sqrt() * (delta_h_angle.to_radians() / 2.0).sin();
    let l_mean = (l1 + l2) / 2.0;
    let c_mean_p = (c1p + c2p) / 2.0;
    let h_mean = if chroma_product == 0.0 {
        h1p + h2p
    } else if (h1p - h2p).abs() <= 180.0 {
        (h1p + h2p) / 2.0
    } else if h1p + h2p < 360.0 {
        (h1p + h2p + 360.0) / 2.0
    } else {
        (h1p + h2p - 360.0) / 2.0
    };
    let cos_deg = |degrees: f64| degrees.to_radians().cos();
    let t = 1.0 - 0.17 * cos_deg(h_mean - 30.0)
        + 0.24 * cos_deg(2.0 * h_mean)
        + 0.32 * cos_deg(3.0 * h_mean + 6.0)
        - 0.20 * cos_deg(4.0 * h_mean - 63.0);
    let delta_theta = 30.0 * (-((h_mean - 275.0) / 25.0).powi(2)).exp();
    let r_c = 2.0 * (pow7(c_mean_p) / (pow7(c_mean_p) + pow7(25.0))).sqrt();
    let s_l = 1.0 + 0.015 * (l_mean - 50.0).powi(2) / (20.0 + (l_mean - 50.0).powi(2)).sqrt();
    let s_c = 1.0 + 0.045 * c_mean_p;
    let s_h = 1.0 + 0.015 * c_mean_p * t;
    let r_t = -(2.0 * delta_theta).to_radians().sin() * r_c;
    let (dl, dc, dh) = (delta_l / s_l, delta_c / s_c, delta_h / s_h);
    (dl * dl + dc * dc + dh * dh + r_t * dc * dh)
        .max(0.0)
        .sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn black_on_white_is_twenty_one_to_one_and_equal_colours_one_to_one() {
        let (black, white) = (Color::rgb(0, 0, 0), Color::rgb(255, 255, 255));
        assert!((contrast_ratio(black, white) - 21.0).abs() < 1e-9);
        assert!((contrast_ratio(white, black) - 21.0).abs() < 1e-9);
        assert!((contrast_ratio(white, white) - 1.0).abs() < 1e-9);
    }

    #[test]
    fn contrast_matches_published_wcag_figures() {
        // #777777 on white is the classic "just under 4.5:1" grey (4.48).
        let ratio = contrast_ratio(Color::rgb(0x77, 0x77, 0x77), Color::rgb(255, 255, 255));
        assert!((ratio - 4.48).abs() < 0.01, "{ratio}");
        // #767676 is the lightest grey that passes AA on white (4.54).
        let ratio = contrast_ratio(Color::rgb(0x76, 0x76, 0x76), Color::rgb(255, 255, 255));
        assert!((ratio - 4.54).abs() < 0.01, "{ratio}");
    }

    #[test]
    fn a_translucent_colour_is_blended_over_its_background() {
        let half_black = Color::rgba(0, 0, 0, 128);
        assert_eq!(
            composite_over(half_black, Color::rgb(255, 255, 255)),
            Color::rgb(127, 127, 127)
        );
        assert!(contrast_ratio(half_black, Color::rgb(255, 255, 255)) < 21.0);
    }

    #[test]
    fn lab_of_white_is_lightness_one_hundred_and_neutral() {
        let [l, a, b] = lab(Color::rgb(255, 255, 255));
        assert!((l - 100.0).abs() < 0.01 && a.abs() < 0.01 && b.abs() < 0.01);
    }

    #[test]
    fn ciede2000_matches_sharma_wu_dalals_test_data() {
        // Pairs 1, 7, 17 and 25 of Sharma, Wu and Dalal (2005), Table 1.
        let pairs = [
            ([50.0, 2.6772, -79.7751], [50.0, 0.0, -82.7485], 2.0425),
            ([50.0, 0.0, 0.0], [50.0, -1.0, 2.0], 2.3669),
            ([50.0, 2.5, 0.0], [73.0, 25.0, -18.0], 27.1492),
            (
                [60.2574, -34.0099, 36.2677],
                [60.4626, -34.1751, 39.4387],
                1.2644,
            ),
        ];
        for (p, q, expected) in pairs {
            let d = delta_e_2000_lab(p, q);
            assert!(
                (d - expected).abs() < 1e-4,
                "{p:?} {q:?}: {d} != {expected}"
            );
        }
    }

    #[test]
    fn ciede2000_of_srgb_colours_is_zero_for_equal_and_symmetric() {
        let red = Color::rgb(255, 0, 0);
        assert!(delta_e_2000(red, red).abs() < 1e-9);
        let d = delta_e_2000(Color::rgb(0, 0, 0), Color::rgb(255, 255, 255));
        assert!((d - 100.0).abs() < 0.01, "{d}");
        // Symmetric.
        let (a, b) = (Color::rgb(0x00, 0x72, 0xB2), Color::rgb(0x56, 0xB4, 0xE9));
        assert!((delta_e_2000(a, b) - delta_e_2000(b, a)).abs() < 1e-9);
    }

    #[test]
    fn cie76_is_the_euclidean_lab_distance() {
        let d = delta_e_cie76(Color::rgb(0, 0, 0), Color::rgb(255, 255, 255));
        assert!((d - 100.0).abs() < 0.01, "{d}");
    }
}
