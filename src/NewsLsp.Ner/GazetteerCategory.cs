namespace NewsLsp.Ner;

/// <summary>
/// The name lists the model can consult. Each list gets its own features, so the perceptron learns how far to
/// trust it (a country name is almost always LOC; a GeoNames village name is often an ordinary word).
/// The numeric values are part of the model file format.
/// </summary>
public enum GazetteerCategory
{
    Country = 0,
    ItalianPlace = 1,
    WorldCity = 2,
    Organisation = 3,
    GivenName = 4,
    Surname = 5,
}
