using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Reflexes.Web.Platform.Data;

/// <summary>
/// A compiled query (<see cref="EF.CompileAsyncQuery{TContext, TResult}(System.Linq.Expressions.Expression{Func{TContext, CancellationToken, TResult}})"/>)
/// for each model it meets: EF Core binds a compiled query to the first model it runs against, and one
/// process can hold several (SQLite and PostgreSQL side by side in the tests). Hot paths use it to skip
/// the query cache's lookup (docs/adr/0517).
/// </summary>
public sealed class PerModel<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _compiled = [];

    public TQuery For(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _compiled.GetValue(db.Model, _ => compile());
    }
}
