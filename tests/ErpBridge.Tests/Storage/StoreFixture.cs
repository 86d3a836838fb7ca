using ErpBridge.Storage;

namespace ErpBridge.Tests.Storage;

/// <summary>
/// A store test on one storage target: a fresh database for each test and its message store, the writer every other
/// store writes through, both disposed after the test. A derived fixture's own [SetUp] runs after this one's.
/// </summary>
public abstract class StoreFixture(StorageTarget target)
{
    protected StorageTarget Target => target;

    protected StorageDatabase Database { get; private set; } = null!;

    protected SqlMessageStore Messages { get; private set; } = null!;

    [SetUp]
    public async Task CreateDatabaseAsync()
    {
        Database = await StorageDatabase.CreateAsync(target);
        Messages = Database.CreateStore();
    }

    [TearDown]
    public async Task DropDatabaseAsync()
    {
        if (Messages is not null)
        {
            await Messages.DisposeAsync();
        }

        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
    }
}
