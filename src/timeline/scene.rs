//! The display list that one timeline layout produces for every painter (window, SVG, PNG).

/// An RGBA colour, not premultiplied.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Color {
    pub r: u8,
    pub g: u8,
    pub b: u8,
    pub a: u8,
}

impl Color {
    pub const TRANSPARENT: Color = Color::rgba(0, 0, 0, 0);

    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Self { r, g, b, a: 255 }
    }

    pub const fn rgba(r: u8, g: u8, b: u8, a: u8) -> Self {
        Self { r, g, b, a }
    }

    /// The same colour with its alpha multiplied by `factor` (0..=1).
    pub fn faded(self, factor: f32) -> Self {
        let alpha = (self.a as f32 * factor.clamp(0.0, 1.0)).round() as u8;
        Self { a: alpha, ..self }
    }

    /// Parses `#rrggbb`.
    pub fn from_hex(text: &str) -> Option<Self> {
        let hex = text.strip_prefix('#')?;
        if hex.len() != 6 || !hex.is_ascii() {
            return None;
        }
        let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Self::rgb(channel(0)?, channel(2)?, channel(4)?))
    }

    pub fn to_hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
}

/// A point in screen points (logical pixels), y down.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Point {
    pub x: f32,
    pub y: f32,
}

impl Point {
    pub const fn new(x: f32, y: f32) -> Self {
        Self { x, y }
    }
}

/// An axis-aligned rectangle in screen points.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Rect {
    pub min: Point,
    pub max: Point,
}

impl Rect {
    pub fn from_min_max(min: Point, max: Point) -> Self {
        Self { min, max }
    }

    pub fn from_x_y_ranges(x_min: f32, x_max: f32, y_min: f32, y_max: f32) -> Self {
        Self::from_min_max(Point::new(x_min, y_min), Point::new(x_max, y_max))
    }

    pub fn width(&self) -> f32 {
        self.max.x - self.min.x
    }

    pub fn height(&self) -> f32 {
        self.max.y - self.min.y
    }

    pub fn center(&self) -> Point {
        Point::new(
            (self.min.x + self.max.x) / 2.0,
            (self.min.y + self.max.y) / 2.0,
        )
    }

    pub fn contains(&self, p: Point) -> bool {
        self.min.x <= p.x && p.x <= self.max.x && self.min.y <= p.y && p.y <= self.max.y
    }

    /// True when the interiors overlap (touching edges do not count).
    pub fn intersects(&self, other: &Rect) -> bool {
        self.min.x < other.max.x
            && other.min.x < self.max.x
            && self.min.y < other.max.y
            && other.min.y < self.max.y
    }

    pub fn expand(&self, margin: f32) -> Rect {
        Rect::from_x_y_ranges(
            self.min.x - margin,
            self.max.x + margin,
            self.min.y - margin,
            self.max.y + margin,
        )
    }
}

/// Where a text's anchor point sits relative to the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextAnchor {
    /// The anchor is the text's top-left corner.
    LeftTop,
    /// The anchor is the middle of the text's top edge.
    CenterTop,
    /// The anchor is the centre of the text.
    Center,
    /// The anchor is the text's top-right corner.
    RightTop,
}

/// Font weights the layout asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FontStyle {
    Regular,
    Strong,
}

/// One drawing primitive.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    Rect {
        rect: Rect,
        fill: Color,
        stroke: Option<(f32, Color)>,
        corner_radius: f32,
    },
    Line {
        points: Vec<Point>,
        width: f32,
        color: Color,
    },
    Circle {
        center: Point,
        radius: f32,
        fill: Color,
        stroke: Option<(f32, Color)>,
    },
    /// A filled convex polygon (the warning triangle of an event with findings).
    Polygon {
        points: Vec<Point>,
        fill: Color,
        stroke: Option<(f32, Color)>,
    },
    Text {
        pos: Point,
        anchor: TextAnchor,
        text: String,
        size: f32,
        color: Color,
        style: FontStyle,
        /// The rectangle the layout reserved for the text (used for overlap checks and hit tests).
        bounds: Rect,
    },
}

/// What a click or hover at some place of the timeline refers to.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum HitTarget {
    /// One event (index into `Dataset::events`).
    Event(usize),
    /// Several events merged because they are closer than a few pixels; `start_days..end_days`
    /// is the time they cover.
    Cluster {
        count: usize,
        start_days: f64,
        end_days: f64,
        first_event: usize,
    },
}

/// A region that reacts to the pointer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hit {
    pub rect: Rect,
    pub target: HitTarget,
}

/// Everything a painter needs to draw one frame of the timeline, in paint order.
#[derive(Clone, Debug, Default)]
pub struct Scene {
    pub shapes: Vec<Shape>,
    /// Later entries are on top: hit testing walks them back to front.
    pub hits: Vec<Hit>,
    /// Rectangles of every placed label (event titles, tick labels, lane names), for tests and exports.
    pub label_rects: Vec<Rect>,
    /// The events that got a label, and whether it shows the whole title (not cut with "…").
    pub event_labels: Vec<EventLabel>,
    /// The events drawn with a warning triangle (they have findings of the kinds marked).
    pub marked_events: Vec<usize>,
    /// The publication ticks drawn: an event (index into `Dataset::events`), one of its
    /// sources (index into `Dataset::sources`) and the tick's x.
    pub lag_ticks: Vec<DrawnLagTick>,
}

/// A publication tick as drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DrawnLagTick {
    pub event: usize,
    pub source: usize,
    pub x: f32,
    pub lag_days: i64,
}

/// One event's label as placed by the layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EventLabel {
    /// Index into `Dataset::events`.
    pub event: usize,
    /// The whole title is shown.
    pub in_full: bool,
}

impl Scene {
    /// The topmost hit region under `pos`, preferring the closest one within `slack` points.
    pub fn hit_at(&self, pos: Point, slack: f32) -> Option<HitTarget> {
        let exact = self.hits.iter().rev().find(|hit| hit.rect.contains(pos));
        if let Some(hit) = exact {
            return Some(hit.target);
        }
        self.hits
            .iter()
            .filter(|hit| hit.rect.expand(slack).contains(pos))
            .min_by(|a, b| {
                let da = (a.rect.center().x - pos.x).abs() + (a.rect.center().y - pos.y).abs();
                let db = (b.rect.center().x - pos.x).abs() + (b.rect.center().y - pos.y).abs();
                da.total_cmp(&db)
            })
            .map(|hit| hit.target)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colors_parse_from_hex_and_print_back() {
        let color = Color::from_hex("#0072b2");
        assert_eq!(color, Some(Color::rgb(0, 0x72, 0xb2)));
        assert_eq!(color.map(Color::to_hex).as_deref(), Some("#0072b2"));
        assert_eq!(Color::from_hex("0072b2"), None);
        assert_eq!(Color::from_hex("#00é2b2"), None);
    }

    #[test]
    fn touching_rectangles_do_not_intersect() {
        let a = Rect::from_x_y_ranges(0.0, 10.0, 0.0, 10.0);
        let b = Rect::from_x_y_ranges(10.0, 20.0, 0.0, 10.0);
        assert!(!a.intersects(&b));
        assert!(a.intersects(&Rect::from_x_y_ranges(9.0, 20.0, 5.0, 6.0)));
    }

    #[test]
    fn hit_test_prefers_the_topmost_region() {
        let rect = Rect::from_x_y_ranges(0.0, 10.0, 0.0, 10.0);
        let scene = Scene {
            hits: vec![
                Hit {
                    rect,
                    target: HitTarget::Event(1),
                },
                Hit {
                    rect,
                    target: HitTarget::Event(2),
                },
            ],
            ..Default::default()
        };
        assert_eq!(
            scene.hit_at(Point::new(5.0, 5.0), 0.0),
            Some(HitTarget::Event(2))
        );
        assert_eq!(scene.hit_at(Point::new(13.0, 5.0), 2.0), None);
        assert!(scene.hit_at(Point::new(12.0, 5.0), 3.0).is_some());
    }
}
