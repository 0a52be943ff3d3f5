/// Haven's version, as `haven --version` prints it.
public enum HavenVersion {
    public static let current = "0.13.0"
}
