-- On SQLite, one node by nature, the clustered scheduler (ErpBridge.Cluster) keeps its jobs in memory: Quartz has no
-- tables here. The migration exists so that every dialect has the same versions.
SELECT 1;
