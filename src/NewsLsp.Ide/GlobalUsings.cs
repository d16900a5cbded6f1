global using NewsLsp.Analysis;
