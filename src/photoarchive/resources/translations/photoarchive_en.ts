<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>ArchiveController</name>
    <message numerus="yes">
      <source>Import finished: %n photo(s) imported.</source>
      <translation>
        <numerusform>Import finished: %n photo imported.</numerusform>
        <numerusform>Import finished: %n photos imported.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Import cancelled: %n photo(s) imported.</source>
      <translation>
        <numerusform>Import cancelled: %n photo imported.</numerusform>
        <numerusform>Import cancelled: %n photos imported.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>AttentionNotice</name>
    <message numerus="yes">
      <source>Needs attention: %n of the selected photos. Select one to see why.</source>
      <translation>
        <numerusform>Needs attention: %n of the selected photos. Select one to see why.</numerusform>
        <numerusform>Needs attention: %n of the selected photos. Select one to see why.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>With a position far from their place: %n photo(s).</source>
      <translation>
        <numerusform>With a position far from their place: %n photo.</numerusform>
        <numerusform>With a position far from their place: %n photos.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>CollectionBanner</name>
    <message numerus="yes">
      <source>%n photo(s)</source>
      <translation>
        <numerusform>%n photo</numerusform>
        <numerusform>%n photos</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>CollectionController</name>
    <message numerus="yes">
      <source>Create collection “{name}” with %n photo(s)</source>
      <translation>
        <numerusform>Create collection “{name}” with %n photo</numerusform>
        <numerusform>Create collection “{name}” with %n photos</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Add %n photo(s) to “{name}”</source>
      <translation>
        <numerusform>Add %n photo to “{name}”</numerusform>
        <numerusform>Add %n photos to “{name}”</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Added %n photo(s) to “{name}”.</source>
      <translation>
        <numerusform>Added %n photo to “{name}”.</numerusform>
        <numerusform>Added %n photos to “{name}”.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Remove %n photo(s) from “{name}”</source>
      <translation>
        <numerusform>Remove %n photo from “{name}”</numerusform>
        <numerusform>Remove %n photos from “{name}”</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>CollectionDialog</name>
    <message numerus="yes">
      <source>Add the %n selected photo(s)</source>
      <translation>
        <numerusform>Add the %n selected photo</numerusform>
        <numerusform>Add the %n selected photos</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>CullController</name>
    <message numerus="yes">
      <source>Select 2 to 4 photos to compare them (%n selected)</source>
      <translation>
        <numerusform>Select 2 to 4 photos to compare them (%n selected)</numerusform>
        <numerusform>Select 2 to 4 photos to compare them (%n selected)</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>EditController</name>
    <message numerus="yes">
      <source>Paste metadata onto %n photo(s)</source>
      <translation>
        <numerusform>Paste metadata onto %n photo</numerusform>
        <numerusform>Paste metadata onto %n photos</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message numerus="yes">
      <source>%n photo(s) of this collection would be published without a proper credit.</source>
      <translation>
        <numerusform>%n photo of this collection would be published without a proper credit.</numerusform>
        <numerusform>%n photos of this collection would be published without a proper credit.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n photo(s) exported to {target}.</source>
      <translation>
        <numerusform>%n photo exported to {target}.</numerusform>
        <numerusform>%n photos exported to {target}.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{language}: %n photo(s) with no text in this language show the default language's.</source>
      <translation>
        <numerusform>{language}: %n photo with no text in this language show the default language's.</numerusform>
        <numerusform>{language}: %n photos with no text in this language show the default language's.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>FilterController</name>
    <message numerus="yes">
      <source> · %n reject(s) hidden</source>
      <translation>
        <numerusform> · %n reject hidden</numerusform>
        <numerusform> · %n rejects hidden</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Add %n matching photo(s) to “{name}”</source>
      <translation>
        <numerusform>Add %n matching photo to “{name}”</numerusform>
        <numerusform>Add %n matching photos to “{name}”</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>GeotagDialog</name>
    <message numerus="yes">
      <source>{matched} of %n photo(s) matched; the others are reported, not guessed.</source>
      <translation>
        <numerusform>{matched} of %n photo matched; the others are reported, not guessed.</numerusform>
        <numerusform>{matched} of %n photos matched; the others are reported, not guessed.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Positions written for %n photo(s).</source>
      <translation>
        <numerusform>Positions written for %n photo.</numerusform>
        <numerusform>Positions written for %n photos.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>GridBar</name>
    <message numerus="yes">
      <source>%Ln photo(s)</source>
      <translation>
        <numerusform>%Ln photo</numerusform>
        <numerusform>%Ln photos</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{shown} of %Ln</source>
      <translation>
        <numerusform>{shown} of %Ln</numerusform>
        <numerusform>{shown} of %Ln</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ImportDialog</name>
    <message numerus="yes">
      <source>Found %n photo(s)</source>
      <translation>
        <numerusform>Found %n photo</numerusform>
        <numerusform>Found %n photos</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>in %n folder(s).</source>
      <translation>
        <numerusform>in %n folder.</numerusform>
        <numerusform>in %n folders.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n file(s) will not be imported (listed below).</source>
      <translation>
        <numerusform>%n file will not be imported (listed below).</numerusform>
        <numerusform>%n files will not be imported (listed below).</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>… and %n more</source>
      <translation>
        <numerusform>… and %n more</numerusform>
        <numerusform>… and %n more</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Importing %n photo(s)…</source>
      <translation>
        <numerusform>Importing %n photo…</numerusform>
        <numerusform>Importing %n photos…</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n photo(s) imported</source>
      <translation>
        <numerusform>%n photo imported</numerusform>
        <numerusform>%n photos imported</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n already in the archive</source>
      <translation>
        <numerusform>%n already in the archive</numerusform>
        <numerusform>%n already in the archive</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n failed</source>
      <translation>
        <numerusform>%n failed</numerusform>
        <numerusform>%n failed</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Loupe</name>
    <message numerus="yes">
      <source> · R: image regions (%n)</source>
      <translation>
        <numerusform> · R: image regions (%n)</numerusform>
        <numerusform> · R: image regions (%n)</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>MapCanvas</name>
    <message numerus="yes">
      <source>%n photo(s)</source>
      <translation>
        <numerusform>%n photo</numerusform>
        <numerusform>%n photos</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>MapPanel</name>
    <message numerus="yes">
      <source>%Ln photo(s) on the map</source>
      <translation>
        <numerusform>%Ln photo on the map</numerusform>
        <numerusform>%Ln photos on the map</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Set GPS of %n photo(s) on the map</source>
      <translation>
        <numerusform>Set GPS of %n photo on the map</numerusform>
        <numerusform>Set GPS of %n photos on the map</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>MetadataEditor</name>
    <message numerus="yes">
      <source>%Ln photo(s) selected: a change applies to all of them</source>
      <translation>
        <numerusform>%Ln photo selected: a change applies to all of them</numerusform>
        <numerusform>%Ln photos selected: a change applies to all of them</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Reading the fields of %Ln photo(s)…</source>
      <translation>
        <numerusform>Reading the fields of %Ln photo…</numerusform>
        <numerusform>Reading the fields of %Ln photos…</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Use the place's position for %n photo(s)</source>
      <translation>
        <numerusform>Use the place's position for %n photo</numerusform>
        <numerusform>Use the place's position for %n photos</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>PasteFieldsDialog</name>
    <message numerus="yes">
      <source>Paste these fields onto %n photo(s):</source>
      <translation>
        <numerusform>Paste these fields onto %n photo:</numerusform>
        <numerusform>Paste these fields onto %n photos:</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>PhotoEdits</name>
    <message numerus="yes">
      <source>{what} of %n photo(s)</source>
      <translation>
        <numerusform>{what} of %n photo</numerusform>
        <numerusform>{what} of %n photos</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>the {fields} of %n photo(s)</source>
      <translation>
        <numerusform>the {fields} of %n photo</numerusform>
        <numerusform>the {fields} of %n photos</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>PlacesPanel</name>
    <message numerus="yes">
      <source>Clear the place of %n photo(s)</source>
      <translation>
        <numerusform>Clear the place of %n photo</numerusform>
        <numerusform>Clear the place of %n photos</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Place %n photo(s) at {name}</source>
      <translation>
        <numerusform>Place %n photo at {name}</numerusform>
        <numerusform>Place %n photos at {name}</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>PreviewBuilder</name>
    <message numerus="yes">
      <source>Previews not made: %n photo(s); the first: {reason}</source>
      <translation>
        <numerusform>Previews not made: %n photo; the first: {reason}</numerusform>
        <numerusform>Previews not made: %n photos; the first: {reason}</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>SelectionController</name>
    <message numerus="yes">
      <source>%n Star(s)</source>
      <translation>
        <numerusform>%n Star</numerusform>
        <numerusform>%n Stars</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>StructEditors</name>
    <message numerus="yes">
      <source>More (%n)</source>
      <translation>
        <numerusform>More (%n)</numerusform>
        <numerusform>More (%n)</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Other items on %n photo(s) are kept as they are; the items shown are those all share.</source>
      <translation>
        <numerusform>Other items on %n photo are kept as they are; the items shown are those all share.</numerusform>
        <numerusform>Other items on %n photos are kept as they are; the items shown are those all share.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>SuggestionsDialog</name>
    <message numerus="yes">
      <source>%n suggestion(s)</source>
      <translation>
        <numerusform>%n suggestion</numerusform>
        <numerusform>%n suggestions</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>TemplatePreviewDialog</name>
    <message numerus="yes">
      <source>%n of the selected photos would change.</source>
      <translation>
        <numerusform>%n of the selected photos would change.</numerusform>
        <numerusform>%n of the selected photos would change.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>(%n photo(s) selected)</source>
      <translation>
        <numerusform>(%n photo selected)</numerusform>
        <numerusform>(%n photos selected)</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n photo(s)</source>
      <translation>
        <numerusform>%n photo</numerusform>
        <numerusform>%n photos</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Templates</name>
    <message numerus="yes">
      <source>Apply template “{name}” to %n photo(s)</source>
      <translation>
        <numerusform>Apply template “{name}” to %n photo</numerusform>
        <numerusform>Apply template “{name}” to %n photos</numerusform>
      </translation>
    </message>
  </context>
</TS>
