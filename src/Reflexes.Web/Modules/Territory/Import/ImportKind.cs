namespace Reflexes.Web.Modules.Territory.Import;

public enum ImportKind
{
    Neighbourhoods,
    Organisations,
    Agents,
}
