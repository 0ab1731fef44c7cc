using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DiplomacyTracker.Data.Common;

/// <summary>
/// Moves <see cref="RecordChanges"/> on after every write through EF Core, whoever makes it (the editor, the API, the
/// import, a test): when a transaction commits, or when SaveChanges or a bulk ExecuteUpdate / ExecuteDelete / raw SQL
/// write finishes outside one. Never before the commit: a reader between the two would otherwise file what it read from
/// before the write under the new generation.
/// </summary>
internal sealed class RecordChangesInterceptor(RecordChanges changes) : DbCommandInterceptor, IDbTransactionInterceptor, ISaveChangesInterceptor
{
    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        AdvanceOutsideTransaction(command);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        AdvanceOutsideTransaction(command);
        return ValueTask.FromResult(result);
    }

    private void AdvanceOutsideTransaction(DbCommand command)
    {
        if (command.Transaction is null)
        {
            changes.Advance();
        }
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => changes.Advance();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        changes.Advance();
        return Task.CompletedTask;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        AdvanceOutsideTransaction(eventData);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        AdvanceOutsideTransaction(eventData);
        return ValueTask.FromResult(result);
    }

    // Inside the caller's transaction the commit advances (above); SaveChanges' own transaction is committed by now.
    private void AdvanceOutsideTransaction(SaveChangesCompletedEventData eventData)
    {
        if (eventData.Context?.Database.CurrentTransaction is null)
        {
            changes.Advance();
        }
    }
}
