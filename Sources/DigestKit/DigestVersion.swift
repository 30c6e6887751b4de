/// The version of digest, printed by `digest --version` and part of every cache key, so a
/// new release never reuses what an older one analysed.
public enum DigestVersion {
    public static let current = "0.1.0"
}
