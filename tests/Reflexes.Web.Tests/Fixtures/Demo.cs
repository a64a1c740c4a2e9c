using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.Territory.DemoSeed;

namespace Reflexes.Web.Tests.Fixtures;

internal static class Demo
{
    public const string Password = DemoTerritory.DemoPassword;

    public static string Email(string role) => DemoTerritory.Accounts.First(a => a.Role == role).Email;

    public static string Admin => Email(Roles.Administrator);
}
