// The LSP meta-model names its range type "Range"; prefer it over System.Range everywhere in this project.
global using Range = NewsLsp.LanguageServer.Protocol.Range;
