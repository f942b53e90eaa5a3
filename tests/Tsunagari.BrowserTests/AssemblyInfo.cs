// Each test runs its own app server and Chromium; one at a time keeps a 2-core CI machine from timing out.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
