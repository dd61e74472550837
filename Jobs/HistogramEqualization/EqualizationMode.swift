/// What histogram equalization equalizes in a colour image (`--mode`).
///
/// A gray image has one colour channel, which every mode equalizes alike. Alpha and any other
/// extra sample always pass through unchanged.
public enum EqualizationMode: String, Sendable, Equatable, CaseIterable {
    /// Equalize Y of full-range YCbCr (BT.601 weights) and keep the chroma: every colour sample
    /// moves by the same amount, lut[Y] − Y. For a YCbCr JPEG the decoded Y plane itself.
    case luma
    /// Equalize every colour channel on its own histogram.
    case channels
    /// Convert to gray (Y, as in `luma`) and equalize it; colour samples all become the result.
    case gray
}
