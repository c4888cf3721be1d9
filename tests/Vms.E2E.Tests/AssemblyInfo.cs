// The browser tests share two cores with the server they drive: one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
