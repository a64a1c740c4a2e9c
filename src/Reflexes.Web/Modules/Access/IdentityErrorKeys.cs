namespace Reflexes.Web.Modules.Access;

/// <summary>Maps ASP.NET Core Identity error codes to interface text keys.</summary>
internal static class IdentityErrorKeys
{
    private static readonly HashSet<string> Known =
    [
        "PasswordTooShort", "PasswordRequiresUniqueChars", "PasswordMismatch", "DuplicateEmail", "DuplicateUserName", "InvalidEmail",
    ];

    public static string For(string codeOrKey) =>
        codeOrKey.Contains('.', StringComparison.Ordinal) ? codeOrKey
        : Known.Contains(codeOrKey) ? "identity." + codeOrKey
        : "identity.DefaultError";
}
