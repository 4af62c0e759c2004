<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
  <context>
    <name>AddLanguageDialog</name>
    <message>
      <source>Add a Language</source>
      <translation>Добавление языка</translation>
    </message>
    <message>
      <source>Title, headline, caption and alt text can be typed in several languages; the other fields are the same in every language.</source>
      <translation type="vanished">Название, заголовок, описание и альтернативный текст можно вводить на нескольких языках; остальные поля одинаковы на всех языках.</translation>
    </message>
    <message>
      <source>These fields can be typed in several languages: {fields}; the other fields are the same in every language.</source>
      <translation>Эти поля можно вводить на нескольких языках: {fields}; остальные поля одинаковы на всех языках.</translation>
    </message>
    <message>
      <source>ru, ja, en, zh-Hant, pt-BR…</source>
      <translation>ru, ja, en, zh-Hant, pt-BR…</translation>
    </message>
    <message>
      <source>&amp;Language tag:</source>
      <translation>&amp;Тег языка:</translation>
    </message>
    <message>
      <source>&amp;Fields so far in:</source>
      <translation>&amp;Поля до сих пор на языке:</translation>
    </message>
    <message>
      <source>&amp;Ask for a caption in this language</source>
      <translation>&amp;Спрашивать описание на этом языке</translation>
    </message>
    <message>
      <source>Needs attention then lists the photos without one.</source>
      <translation>Тогда «Требуют внимания» покажет фотографии без него.</translation>
    </message>
    <message>
      <source>&amp;Ask for a caption in it: Needs attention lists the photos without one</source>
      <translation type="vanished">&amp;Спрашивать описание на нём: «Требуют внимания» покажет фотографии без него</translation>
    </message>
    <message>
      <source>“{text}” is not a language tag: two or three letters of ISO 639, then perhaps a script or a region (en, ru, ja, zh-Hant, pt-BR).</source>
      <translation>«{text}» — не тег языка: две или три буквы ISO 639, затем, возможно, письменность или регион (en, ru, ja, zh-Hant, pt-BR).</translation>
    </message>
    <message>
      <source>{name} is already one of the archive's languages.</source>
      <translation>{name} уже есть среди языков архива.</translation>
    </message>
    <message>
      <source>The language the fields were typed in (x-default).</source>
      <translation>Язык, на котором введены поля (x-default).</translation>
    </message>
  </context>
  <context>
    <name>App</name>
    <message>
      <source>The archive could not be opened</source>
      <translation>Не удалось открыть архив</translation>
    </message>
  </context>
  <context>
    <name>ArchiveController</name>
    <message>
      <source>&amp;Import Photos…</source>
      <translation>&amp;Импорт фотографий…</translation>
    </message>
    <message>
      <source>Import &amp;Folder…</source>
      <translation>Импорт &amp;папки…</translation>
    </message>
    <message>
      <source>&amp;New Archive…</source>
      <translation>&amp;Новый архив…</translation>
    </message>
    <message>
      <source>&amp;Open Archive…</source>
      <translation>&amp;Открыть архив…</translation>
    </message>
    <message>
      <source>Create &amp;Sample Archive…</source>
      <translation>Создать &amp;демонстрационный архив…</translation>
    </message>
    <message>
      <source>&amp;Export Collection…</source>
      <translation>&amp;Экспорт коллекции…</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>В&amp;ыход</translation>
    </message>
    <message>
      <source>&amp;About Photo Archive</source>
      <translation>&amp;О программе Photo Archive</translation>
    </message>
    <message>
      <source>About &amp;Qt</source>
      <translation>О &amp;Qt</translation>
    </message>
    <message>
      <source>Import photos</source>
      <translation>Импорт фотографий</translation>
    </message>
    <message>
      <source>Photos (*.jpg *.jpeg *.tif *.tiff *.png *.heic *.webp *.dng *.cr2 *.cr3 *.nef *.arw *.orf *.raf *.rw2);;All files (*)</source>
      <translation>Фотографии (*.jpg *.jpeg *.tif *.tiff *.png *.heic *.webp *.dng *.cr2 *.cr3 *.nef *.arw *.orf *.raf *.rw2);;Все файлы (*)</translation>
    </message>
    <message>
      <source>Import a folder of photos</source>
      <translation>Импорт папки с фотографиями</translation>
    </message>
    <message>
      <source>Importing %v of %m</source>
      <translation>Импорт: %v из %m</translation>
    </message>
    <message>
      <source>Photos are being imported; File &gt; Import Photos shows the import</source>
      <translation>Идёт импорт фотографий; Файл &gt; Импорт фотографий покажет его ход</translation>
    </message>
    <message>
      <source>The template was not applied</source>
      <translation>Шаблон не применён</translation>
    </message>
    <message numerus="yes">
      <source>Import finished: %n photo(s) imported.</source>
      <translation>
        <numerusform>Импорт завершён: импортирована %n фотография.</numerusform>
        <numerusform>Импорт завершён: импортировано фотографий: %n.</numerusform>
        <numerusform>Импорт завершён: импортировано фотографий: %n.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Import cancelled: %n photo(s) imported.</source>
      <translation>
        <numerusform>Импорт отменён: импортирована %n фотография.</numerusform>
        <numerusform>Импорт отменён: импортировано фотографий: %n.</numerusform>
        <numerusform>Импорт отменён: импортировано фотографий: %n.</numerusform>
      </translation>
    </message>
    <message>
      <source>Waiting for the running work to stop; the window then closes.</source>
      <translation>Ожидание завершения текущей работы; затем окно закроется.</translation>
    </message>
    <message>
      <source>Cancelling… the window closes when the running work has stopped.</source>
      <translation>Отмена… окно закроется, когда текущая работа остановится.</translation>
    </message>
    <message>
      <source>Quit during an import?</source>
      <translation>Выйти во время импорта?</translation>
    </message>
    <message>
      <source>Photos are being imported into this archive.</source>
      <translation>В этот архив импортируются фотографии.</translation>
    </message>
    <message>
      <source>Cancelling keeps the photos imported so far; the rest can be imported again later (those already in the archive are recognised).</source>
      <translation>При отмене уже импортированные фотографии сохранятся; остальные можно импортировать позже (фотографии, уже находящиеся в архиве, будут распознаны).</translation>
    </message>
    <message>
      <source>Cancel the Import and Quit</source>
      <translation>Отменить импорт и выйти</translation>
    </message>
    <message>
      <source>Keep Importing</source>
      <translation>Продолжить импорт</translation>
    </message>
    <message>
      <source>Quit during an export?</source>
      <translation>Выйти во время экспорта?</translation>
    </message>
    <message>
      <source>A collection is being exported.</source>
      <translation>Идёт экспорт коллекции.</translation>
    </message>
    <message>
      <source>Cancelling stops the export; nothing of it is kept, and it can be started again later.</source>
      <translation>Отмена останавливает экспорт; ничего из него не сохраняется, и его можно запустить снова позже.</translation>
    </message>
    <message>
      <source>Cancel the Export and Quit</source>
      <translation>Отменить экспорт и выйти</translation>
    </message>
    <message>
      <source>Keep Exporting</source>
      <translation>Продолжить экспорт</translation>
    </message>
    <message>
      <source>Open an archive folder</source>
      <translation type="vanished">Открыть папку архива</translation>
    </message>
    <message>
      <source>New archive folder</source>
      <translation type="vanished">Папка нового архива</translation>
    </message>
    <message>
      <source>The archive could not be opened</source>
      <translation>Не удалось открыть архив</translation>
    </message>
    <message>
      <source>Stopped connecting to the server.</source>
      <translation>Подключение к серверу прервано.</translation>
    </message>
    <message>
      <source>Where to create the sample archive</source>
      <translation>Где создать демонстрационный архив</translation>
    </message>
    <message>
      <source>Sample archive %p%</source>
      <translation>Демонстрационный архив: %p%</translation>
    </message>
    <message>
      <source>The sample archive was not created</source>
      <translation>Демонстрационный архив не создан</translation>
    </message>
    <message>
      <source>Show a collection first: exports are made from collections.</source>
      <translation>Сначала откройте коллекцию: экспортируются коллекции.</translation>
    </message>
    <message>
      <source>About {app}</source>
      <translation>О программе {app}</translation>
    </message>
    <message>
      <source>&lt;h3&gt;{app} {version}&lt;/h3&gt;&lt;p&gt;Import, caption, credit, place and publish expedition photographs.&lt;/p&gt;&lt;p&gt;Captions, credits and places are kept in the archive's catalog and written into exported files as EXIF, IPTC and XMP.&lt;/p&gt;&lt;p&gt;Licensed under the GNU GPL, version 3 or later.&lt;/p&gt;</source>
      <translation>&lt;h3&gt;{app} {version}&lt;/h3&gt;&lt;p&gt;Импорт, описание, указание авторства, привязка к местам и публикация фотографий экспедиций.&lt;/p&gt;&lt;p&gt;Описания, авторство и места хранятся в каталоге архива и записываются в экспортируемые файлы как EXIF, IPTC и XMP.&lt;/p&gt;&lt;p&gt;Распространяется по лицензии GNU GPL версии 3 или более поздней.&lt;/p&gt;</translation>
    </message>
    <message>
      <source>Still connecting to the server of another archive; wait for it.</source>
      <translation>Ещё идёт подключение к серверу другого архива; дождитесь его.</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Отмена</translation>
    </message>
    <message>
      <source>Stop waiting for the server; this window stays on its archive</source>
      <translation>Не ждать сервер; это окно остаётся на своём архиве</translation>
    </message>
    <message>
      <source>The database {database} already holds the catalog of an archive (photos: {photos}). A new archive needs an empty database; to work on that archive, open its folder with File &gt; Open Archive.</source>
      <translation>База данных {database} уже содержит каталог архива (фотографий: {photos}). Новому архиву нужна пустая база данных; чтобы работать с тем архивом, откройте его папку через Файл &gt; Открыть архив.</translation>
    </message>
    <message>
      <source>The database {database} holds tables of another program ({tables}); a new archive needs an empty database.</source>
      <translation>База данных {database} содержит таблицы другой программы ({tables}); новому архиву нужна пустая база данных.</translation>
    </message>
    <message>
      <source>Connecting to {host}…</source>
      <translation>Подключение к {host}…</translation>
    </message>
  </context>
  <context>
    <name>AttentionNotice</name>
    <message numerus="yes">
      <source>Needs attention: %n of the selected photos. Select one to see why.</source>
      <translation>
        <numerusform>Требует внимания: %n из выбранных фотографий. Выберите одну, чтобы узнать причину.</numerusform>
        <numerusform>Требуют внимания: %n из выбранных фотографий. Выберите одну, чтобы узнать причину.</numerusform>
        <numerusform>Требуют внимания: %n из выбранных фотографий. Выберите одну, чтобы узнать причину.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>With a position far from their place: %n photo(s).</source>
      <translation>
        <numerusform>Координаты далеко от места: %n фотография.</numerusform>
        <numerusform>Координаты далеко от места: %n фотографии.</numerusform>
        <numerusform>Координаты далеко от места: %n фотографий.</numerusform>
      </translation>
    </message>
    <message>
      <source>no caption</source>
      <translation>нет описания</translation>
    </message>
    <message>
      <source>no caption in {field}</source>
      <translation>нет описания: {field}</translation>
    </message>
    <message>
      <source>no creator or credit line</source>
      <translation>нет автора или строки авторства</translation>
    </message>
    <message>
      <source>no copyright notice</source>
      <translation>нет указания авторского права</translation>
    </message>
    <message>
      <source>a value that does not validate: {field}</source>
      <translation>недопустимое значение: {field}</translation>
    </message>
    <message>
      <source>a position {distance} from its place (a published page would name the place over another spot)</source>
      <translation>координаты в {distance} от места (на опубликованной странице название места окажется над другой точкой)</translation>
    </message>
    <message>
      <source>{km} km</source>
      <translation>{km} км</translation>
    </message>
    <message>
      <source>The file's standards disagreed on {field}:</source>
      <translation>Стандарты в файле расходятся в поле «{field}»:</translation>
    </message>
    <message>
      <source>(kept)</source>
      <translation>(сохранено)</translation>
    </message>
    <message>
      <source>that is right</source>
      <translation>это верно</translation>
    </message>
    <message>
      <source>use this one</source>
      <translation>использовать это</translation>
    </message>
    <message>
      <source>EXIF</source>
      <translation>EXIF</translation>
    </message>
    <message>
      <source>IPTC IIM</source>
      <translation>IPTC IIM</translation>
    </message>
    <message>
      <source>XMP</source>
      <translation>XMP</translation>
    </message>
    <message>
      <source>XMP sidecar</source>
      <translation>Файл XMP рядом</translation>
    </message>
  </context>
  <context>
    <name>BackgroundWrites</name>
    <message>
      <source>Sidecars left to write could not be read ({error}).</source>
      <translation>Не удалось прочитать список оставшихся файлов XMP ({error}).</translation>
    </message>
    <message>
      <source>The list of sidecars to write could not be saved ({error}).</source>
      <translation>Не удалось сохранить список файлов XMP для записи ({error}).</translation>
    </message>
    <message>
      <source>The day's backup of the catalog is taken ({name}).</source>
      <translation>Дневная резервная копия каталога сделана ({name}).</translation>
    </message>
    <message>
      <source>The day's backup of the catalog was not taken</source>
      <translation>Дневная резервная копия каталога не сделана</translation>
    </message>
    <message>
      <source>Backing up the catalog…</source>
      <translation>Резервное копирование каталога…</translation>
    </message>
    <message>
      <source>Writing XMP sidecars: {count}…</source>
      <translation>Запись файлов XMP: {count}…</translation>
    </message>
    <message>
      <source>⚠ XMP sidecars not written: {count}</source>
      <translation>⚠ Не записаны файлы XMP: {count}</translation>
    </message>
    <message numerus="yes">
      <source>Writing %n sidecar(s)…</source>
      <translation type="vanished">
        <numerusform>Запись %n файла XMP…</numerusform>
        <numerusform>Запись %n файлов XMP…</numerusform>
        <numerusform>Запись %n файлов XMP…</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>⚠ %n sidecar(s) not written</source>
      <translation type="vanished">
        <numerusform>⚠ Не записан %n файл XMP</numerusform>
        <numerusform>⚠ Не записаны %n файла XMP</numerusform>
        <numerusform>⚠ Не записано %n файлов XMP</numerusform>
      </translation>
    </message>
    <message>
      <source>{reason}
They are written again after the next change.</source>
      <translation>{reason}
Они будут записаны снова после следующего изменения.</translation>
    </message>
  </context>
  <context>
    <name>CollectionBanner</name>
    <message numerus="yes">
      <source>%n photo(s)</source>
      <translation>
        <numerusform>%n фотография</numerusform>
        <numerusform>%n фотографии</numerusform>
        <numerusform>%n фотографий</numerusform>
      </translation>
    </message>
    <message>
      <source>captions: {template}</source>
      <translation>описания: {template}</translation>
    </message>
    <message>
      <source>drag photos, or Ctrl+[ and Ctrl+], to change the order of publication</source>
      <translation>перетаскивайте фотографии или нажимайте Ctrl+[ и Ctrl+], чтобы изменить порядок публикации</translation>
    </message>
    <message>
      <source>sort by Collection order to change the order</source>
      <translation>чтобы изменить порядок, выберите сортировку «Порядок коллекции»</translation>
    </message>
    <message>
      <source>Edit texts…</source>
      <translation>Изменить тексты…</translation>
    </message>
  </context>
  <context>
    <name>CollectionCommands</name>
    <message>
      <source>The collection “{name}” has been deleted elsewhere since (from the command line or another window).</source>
      <translation>Коллекция «{name}» с тех пор удалена в другом месте (из командной строки или другого окна).</translation>
    </message>
    <message>
      <source>The photos of “{name}” or their order have been changed elsewhere since (from the command line or another window); going back would undo those changes too.</source>
      <translation>Фотографии «{name}» или их порядок с тех пор изменены в другом месте (из командной строки или другого окна); возврат отменил бы и эти изменения.</translation>
    </message>
    <message>
      <source>Photos have been added to “{name}” since; undoing its creation deletes the collection with them (the photos stay in the archive).</source>
      <translation>С тех пор в «{name}» добавлены фотографии; отмена её создания удалит коллекцию вместе с ними (фотографии останутся в архиве).</translation>
    </message>
    <message>
      <source>“{name}” has been changed elsewhere since; deleting it again loses those changes.</source>
      <translation>«{name}» с тех пор изменена в другом месте; повторное удаление потеряет эти изменения.</translation>
    </message>
    <message>
      <source>The name or texts of “{name}” have been changed elsewhere since.</source>
      <translation>Название или тексты «{name}» с тех пор изменены в другом месте.</translation>
    </message>
    <message>
      <source>The filter or sort order of “{name}” has been changed elsewhere since.</source>
      <translation>Фильтр или порядок сортировки «{name}» с тех пор изменены в другом месте.</translation>
    </message>
    <message>
      <source>{name} (restored)</source>
      <translation>{name} (восстановлена)</translation>
    </message>
  </context>
  <context>
    <name>CollectionController</name>
    <message>
      <source>&amp;Add Selected Photos To</source>
      <translation>&amp;Добавить выбранные в</translation>
    </message>
    <message>
      <source>&amp;New Collection…</source>
      <translation>&amp;Новая коллекция…</translation>
    </message>
    <message>
      <source>Add to &amp;Target Collection</source>
      <translation>Добавить в &amp;целевую коллекцию</translation>
    </message>
    <message>
      <source>&amp;Remove from Collection</source>
      <translation>&amp;Убрать из коллекции</translation>
    </message>
    <message>
      <source>Move &amp;Earlier</source>
      <translation>Переместить &amp;раньше</translation>
    </message>
    <message>
      <source>Move &amp;Later</source>
      <translation>Переместить &amp;позже</translation>
    </message>
    <message>
      <source>Re&amp;name Collection…</source>
      <translation>Пере&amp;именовать коллекцию…</translation>
    </message>
    <message>
      <source>Collection &amp;Properties…</source>
      <translation>&amp;Свойства коллекции…</translation>
    </message>
    <message>
      <source>&amp;Delete Collection…</source>
      <translation>Уд&amp;алить коллекцию…</translation>
    </message>
    <message>
      <source>Add to “{name}”</source>
      <translation>Добавить в «{name}»</translation>
    </message>
    <message numerus="yes">
      <source>Create collection “{name}” with %n photo(s)</source>
      <translation>
        <numerusform>Создать коллекцию «{name}» с %n фотографией</numerusform>
        <numerusform>Создать коллекцию «{name}» с %n фотографиями</numerusform>
        <numerusform>Создать коллекцию «{name}» с %n фотографиями</numerusform>
      </translation>
    </message>
    <message>
      <source>Create collection “{name}”</source>
      <translation>Создать коллекцию «{name}»</translation>
    </message>
    <message>
      <source>The collection was not created</source>
      <translation>Коллекция не создана</translation>
    </message>
    <message>
      <source>Rename collection</source>
      <translation>Переименовать коллекцию</translation>
    </message>
    <message>
      <source>New name:</source>
      <translation>Новое название:</translation>
    </message>
    <message>
      <source>Rename “{old}” to “{new}”</source>
      <translation>Переименовать «{old}» в «{new}»</translation>
    </message>
    <message>
      <source>The collection was not renamed</source>
      <translation>Коллекция не переименована</translation>
    </message>
    <message>
      <source>Edit the properties of “{name}”</source>
      <translation>Изменить свойства «{name}»</translation>
    </message>
    <message>
      <source>The collection was not changed</source>
      <translation>Коллекция не изменена</translation>
    </message>
    <message>
      <source>Delete collection</source>
      <translation>Удалить коллекцию</translation>
    </message>
    <message>
      <source>Delete the collection “{name}”? Its photos stay in the archive, and Edit &gt; Undo brings it back.</source>
      <translation>Удалить коллекцию «{name}»? Её фотографии останутся в архиве, а Правка &gt; Отменить вернёт коллекцию.</translation>
    </message>
    <message>
      <source>Delete collection “{name}”</source>
      <translation>Удалить коллекцию «{name}»</translation>
    </message>
    <message>
      <source>The collection was not deleted</source>
      <translation>Коллекция не удалена</translation>
    </message>
    <message>
      <source>Already in “{name}”.</source>
      <translation>Уже в «{name}».</translation>
    </message>
    <message numerus="yes">
      <source>Add %n photo(s) to “{name}”</source>
      <translation>
        <numerusform>Добавить %n фотографию в «{name}»</numerusform>
        <numerusform>Добавить %n фотографии в «{name}»</numerusform>
        <numerusform>Добавить %n фотографий в «{name}»</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Added %n photo(s) to “{name}”.</source>
      <translation>
        <numerusform>В «{name}» добавлена %n фотография.</numerusform>
        <numerusform>В «{name}» добавлены %n фотографии.</numerusform>
        <numerusform>В «{name}» добавлено %n фотографий.</numerusform>
      </translation>
    </message>
    <message>
      <source>No target collection yet: create one, or show one, first.</source>
      <translation>Целевой коллекции пока нет: сначала создайте или откройте коллекцию.</translation>
    </message>
    <message numerus="yes">
      <source>Remove %n photo(s) from “{name}”</source>
      <translation>
        <numerusform>Убрать %n фотографию из «{name}»</numerusform>
        <numerusform>Убрать %n фотографии из «{name}»</numerusform>
        <numerusform>Убрать %n фотографий из «{name}»</numerusform>
      </translation>
    </message>
    <message>
      <source>Reorder “{name}”</source>
      <translation>Изменить порядок «{name}»</translation>
    </message>
    <message>
      <source>“{name}” is a smart collection: its photos are those matching “{filter}”.</source>
      <translation>«{name}» — умная коллекция: в ней фотографии, подходящие под «{filter}».</translation>
    </message>
  </context>
  <context>
    <name>CollectionDialog</name>
    <message>
      <source>Collection properties</source>
      <translation>Свойства коллекции</translation>
    </message>
    <message>
      <source>New collection</source>
      <translation>Новая коллекция</translation>
    </message>
    <message>
      <source>A few paragraphs (Markdown) that open the publication</source>
      <translation>Несколько абзацев (Markdown), открывающих публикацию</translation>
    </message>
    <message>
      <source>The caption template composes each published caption from the photo's fields; a part in [brackets] is left out when its fields are empty.</source>
      <translation>Шаблон описания составляет каждое опубликованное описание из полей фотографии; часть в [скобках] опускается, если её поля пусты.</translation>
    </message>
    <message>
      <source>Name:</source>
      <translation>Название:</translation>
    </message>
    <message>
      <source>Title:</source>
      <translation>Заголовок:</translation>
    </message>
    <message>
      <source>Introduction:</source>
      <translation>Вступление:</translation>
    </message>
    <message>
      <source>Source:</source>
      <translation>Источник:</translation>
    </message>
    <message>
      <source>Caption template:</source>
      <translation>Шаблон описания:</translation>
    </message>
    <message numerus="yes">
      <source>Add the %n selected photo(s)</source>
      <translation>
        <numerusform>Добавить %n выбранную фотографию</numerusform>
        <numerusform>Добавить %n выбранные фотографии</numerusform>
        <numerusform>Добавить %n выбранных фотографий</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Commands</name>
    <message>
      <source>“{step}” was not undone. {reason} The newer values are kept, and the step is off the undo list.</source>
      <translation>«{step}» не отменено. {reason} Более новые значения сохранены, а шаг убран из списка отмены.</translation>
    </message>
    <message>
      <source>“{step}” was not redone. {reason} The newer values are kept, and the step is off the undo list.</source>
      <translation>«{step}» не повторено. {reason} Более новые значения сохранены, а шаг убран из списка отмены.</translation>
    </message>
  </context>
  <context>
    <name>CompareView</name>
    <message>
      <source>Compare</source>
      <translation>Сравнение</translation>
    </message>
    <message>
      <source>Z or click: 100 % together · drag: pan together · ← → focus · 0-5 stars · 6-9 label · P X U flag · Esc back</source>
      <translation type="vanished">Z или щелчок: 100 % для всех · перетаскивание: сдвиг всех · ← → выбор · 0-5 звёзды · 6-9 метка · P X U флажок · Esc назад</translation>
    </message>
    <message>
      <source>Z or click: 100 % together · drag: pan together · ← → focus · 0-5 stars · 6-9 label · P X U flag · A auto-advance · Esc back</source>
      <translation>Z или щелчок: 100 % для всех · перетаскивание: сдвиг всех · ← → выбор · 0-5 звёзды · 6-9 метка · P X U флажок · A автопереход · Esc назад</translation>
    </message>
    <message>
      <source>Auto-advance</source>
      <translation>Автопереход</translation>
    </message>
    <message>
      <source>After a rating, label or flag, focus the next photo (A or Caps Lock)</source>
      <translation>После оценки, метки или флажка выбрать следующую фотографию (A или Caps Lock)</translation>
    </message>
    <message>
      <source>100 %</source>
      <translation>100 %</translation>
    </message>
    <message>
      <source>100 % of the preview</source>
      <translation>100 % превью</translation>
    </message>
  </context>
  <context>
    <name>CullController</name>
    <message>
      <source>&amp;Cull</source>
      <translation>&amp;Отбор</translation>
    </message>
    <message>
      <source>The grid's photos one at a time, full screen, rated by keys</source>
      <translation>Фотографии сетки по одной, во весь экран, с оценкой клавишами</translation>
    </message>
    <message>
      <source>Co&amp;mpare</source>
      <translation>Срав&amp;нить</translation>
    </message>
    <message>
      <source>The selected photos side by side, zoomed together</source>
      <translation>Выделенные фотографии рядом, с общим масштабом</translation>
    </message>
    <message numerus="yes">
      <source>Select 2 to 4 photos to compare them (%n selected)</source>
      <translation>
        <numerusform>Выделите от 2 до 4 фотографий, чтобы сравнить их (выделена %n)</numerusform>
        <numerusform>Выделите от 2 до 4 фотографий, чтобы сравнить их (выделено %n)</numerusform>
        <numerusform>Выделите от 2 до 4 фотографий, чтобы сравнить их (выделено %n)</numerusform>
      </translation>
    </message>
    <message>
      <source>No photos to cull here.</source>
      <translation>Здесь нет фотографий для отбора.</translation>
    </message>
    <message>
      <source>Select 2 to 4 photos to compare them.</source>
      <translation>Выделите от 2 до 4 фотографий, чтобы сравнить их.</translation>
    </message>
  </context>
  <context>
    <name>CullView</name>
    <message>
      <source>Culling</source>
      <translation>Отбор</translation>
    </message>
    <message>
      <source>Auto-advance</source>
      <translation>Автопереход</translation>
    </message>
    <message>
      <source>After a rating, label or flag, go to the next photo (A or Caps Lock)</source>
      <translation>После рейтинга, метки или флажка переходить к следующей фотографии (A или Caps Lock)</translation>
    </message>
    <message>
      <source>{position} / {count}</source>
      <translation>{position} / {count}</translation>
    </message>
    <message>
      <source>Fitted</source>
      <translation>По размеру окна</translation>
    </message>
    <message>
      <source>100 %</source>
      <translation>100 %</translation>
    </message>
    <message>
      <source>100 % of the preview</source>
      <translation>100 % превью</translation>
    </message>
    <message>
      <source>← → move · Z 100 % · 0-5 stars · 6-9 label · P X U flag · A auto-advance · Esc back</source>
      <translation>← → переход · Z 100 % · 0-5 звёзды · 6-9 метка · P X U флажок · A автопереход · Esc назад</translation>
    </message>
    <message>
      <source>No stars</source>
      <translation>Без звёзд</translation>
    </message>
    <message>
      <source>Reading {name}…</source>
      <translation>Чтение {name}…</translation>
    </message>
    <message>
      <source>{name} cannot be shown: {reason}</source>
      <translation>Не удаётся показать {name}: {reason}</translation>
    </message>
  </context>
  <context>
    <name>CuratedFields</name>
    <message>
      <source>Caption</source>
      <translation>Описание</translation>
    </message>
    <message>
      <source>Headline</source>
      <translation>Заголовок</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Название</translation>
    </message>
    <message>
      <source>Alt text</source>
      <translation>Альтернативный текст</translation>
    </message>
    <message>
      <source>Extended description</source>
      <translation>Расширенное описание</translation>
    </message>
    <message>
      <source>Keywords</source>
      <translation>Ключевые слова</translation>
    </message>
    <message>
      <source>Hierarchical keywords</source>
      <translation>Иерархические ключевые слова</translation>
    </message>
    <message>
      <source>Persons shown</source>
      <translation>Люди на снимке</translation>
    </message>
    <message>
      <source>Digital source type</source>
      <translation>Тип цифрового источника</translation>
    </message>
    <message>
      <source>Artwork or object</source>
      <translation>Произведение или предмет</translation>
    </message>
    <message>
      <source>Image regions</source>
      <translation>Области изображения</translation>
    </message>
    <message>
      <source>Creator</source>
      <translation>Автор</translation>
    </message>
    <message>
      <source>Creator's job title</source>
      <translation>Должность автора</translation>
    </message>
    <message>
      <source>Creator's contact info</source>
      <translation>Контакты автора</translation>
    </message>
    <message>
      <source>Contributors</source>
      <translation>Участники</translation>
    </message>
    <message>
      <source>Credit line</source>
      <translation>Строка авторства</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>Источник</translation>
    </message>
    <message>
      <source>Copyright notice</source>
      <translation>Авторское право</translation>
    </message>
    <message>
      <source>Rights usage terms</source>
      <translation>Условия использования</translation>
    </message>
    <message>
      <source>Web statement of rights</source>
      <translation>Веб-заявление о правах</translation>
    </message>
    <message>
      <source>Copyright owners</source>
      <translation>Правообладатели</translation>
    </message>
    <message>
      <source>Licensors</source>
      <translation>Лицензиары</translation>
    </message>
    <message>
      <source>Model release status</source>
      <translation>Согласие моделей</translation>
    </message>
    <message>
      <source>Property release status</source>
      <translation>Согласие владельцев имущества</translation>
    </message>
    <message>
      <source>Date created</source>
      <translation>Дата создания</translation>
    </message>
    <message>
      <source>Event</source>
      <translation>Событие</translation>
    </message>
    <message>
      <source>Event date</source>
      <translation>Дата события</translation>
    </message>
    <message>
      <source>Sublocation</source>
      <translation>Место</translation>
    </message>
    <message>
      <source>City</source>
      <translation>Город</translation>
    </message>
    <message>
      <source>Province or state</source>
      <translation>Область или штат</translation>
    </message>
    <message>
      <source>Country</source>
      <translation>Страна</translation>
    </message>
    <message>
      <source>Country code</source>
      <translation>Код страны</translation>
    </message>
    <message>
      <source>Location created</source>
      <translation>Место съёмки</translation>
    </message>
    <message>
      <source>Caption writer</source>
      <translation>Автор описания</translation>
    </message>
    <message>
      <source>Instructions</source>
      <translation>Инструкции</translation>
    </message>
    <message>
      <source>Job identifier</source>
      <translation>Идентификатор задания</translation>
    </message>
    <message>
      <source>Rating</source>
      <translation>Рейтинг</translation>
    </message>
    <message>
      <source>Colour label</source>
      <translation>Цветная метка</translation>
    </message>
    <message>
      <source>Red</source>
      <translation>Красная</translation>
    </message>
    <message>
      <source>Yellow</source>
      <translation>Жёлтая</translation>
    </message>
    <message>
      <source>Green</source>
      <translation>Зелёная</translation>
    </message>
    <message>
      <source>Blue</source>
      <translation>Синяя</translation>
    </message>
    <message>
      <source>Purple</source>
      <translation>Фиолетовая</translation>
    </message>
    <message>
      <source>Flag</source>
      <translation>Флажок</translation>
    </message>
    <message>
      <source>Pick</source>
      <translation>Отобрано</translation>
    </message>
    <message>
      <source>Reject</source>
      <translation>Отклонено</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>Содержание</translation>
    </message>
    <message>
      <source>Credit and rights</source>
      <translation>Авторство и права</translation>
    </message>
    <message>
      <source>Event shown</source>
      <translation>Событие на снимке</translation>
    </message>
    <message>
      <source>Location shown</source>
      <translation>Место на снимке</translation>
    </message>
    <message>
      <source>Workflow</source>
      <translation>Рабочий процесс</translation>
    </message>
    <message>
      <source>Selection</source>
      <translation>Отбор</translation>
    </message>
    <message>
      <source>Original digital capture sampled from real life</source>
      <translation>Цифровой снимок реальной сцены</translation>
    </message>
    <message>
      <source>Digitised from a negative on film</source>
      <translation>Оцифровано с негатива на плёнке</translation>
    </message>
    <message>
      <source>Digitised from a positive on film</source>
      <translation>Оцифровано с позитива на плёнке (слайда)</translation>
    </message>
    <message>
      <source>Digitised from a print on non-transparent medium</source>
      <translation>Оцифровано с отпечатка на непрозрачном носителе</translation>
    </message>
    <message>
      <source>Computational capture</source>
      <translation>Вычислительная съёмка</translation>
    </message>
    <message>
      <source>Screen capture</source>
      <translation>Снимок экрана</translation>
    </message>
    <message>
      <source>Original media with minor human edits</source>
      <translation>Оригинал с небольшой ручной правкой</translation>
    </message>
    <message>
      <source>Human edits</source>
      <translation>Ручная правка</translation>
    </message>
    <message>
      <source>Composite of captured elements</source>
      <translation>Композиция из снятых элементов</translation>
    </message>
    <message>
      <source>Algorithmically-enhanced media</source>
      <translation>Улучшено алгоритмически</translation>
    </message>
    <message>
      <source>Data-driven media</source>
      <translation>Построено по данным</translation>
    </message>
    <message>
      <source>Digital creation</source>
      <translation>Цифровое произведение</translation>
    </message>
    <message>
      <source>Digital art</source>
      <translation>Цифровое искусство</translation>
    </message>
    <message>
      <source>Virtual recording</source>
      <translation>Виртуальная запись</translation>
    </message>
    <message>
      <source>Composite including synthetic elements</source>
      <translation>Композиция с синтетическими элементами</translation>
    </message>
    <message>
      <source>Trained algorithmic media</source>
      <translation>Создано обученной моделью</translation>
    </message>
    <message>
      <source>Composite with trained algorithmic media</source>
      <translation>Композиция с созданным обученной моделью</translation>
    </message>
    <message>
      <source>Pure algorithmic media</source>
      <translation>Чисто алгоритмическое</translation>
    </message>
    <message>
      <source>Created by software (retired term)</source>
      <translation>Создано программой (устаревший термин)</translation>
    </message>
    <message>
      <source>None</source>
      <translation>Нет</translation>
    </message>
    <message>
      <source>Not applicable</source>
      <translation>Не требуется</translation>
    </message>
    <message>
      <source>Unlimited model releases</source>
      <translation>Неограниченные разрешения моделей</translation>
    </message>
    <message>
      <source>Limited or incomplete model releases</source>
      <translation>Ограниченные или неполные разрешения моделей</translation>
    </message>
    <message>
      <source>Unlimited property releases</source>
      <translation>Неограниченные разрешения на собственность</translation>
    </message>
    <message>
      <source>Limited or incomplete property releases</source>
      <translation>Ограниченные или неполные разрешения на собственность</translation>
    </message>
    <message>
      <source>World region</source>
      <translation>Регион мира</translation>
    </message>
    <message>
      <source>Location name</source>
      <translation>Название места</translation>
    </message>
    <message>
      <source>Location identifier</source>
      <translation>Идентификатор места</translation>
    </message>
    <message>
      <source>GPS latitude</source>
      <translation>Широта GPS</translation>
    </message>
    <message>
      <source>GPS longitude</source>
      <translation>Долгота GPS</translation>
    </message>
    <message>
      <source>GPS altitude</source>
      <translation>Высота GPS</translation>
    </message>
    <message>
      <source>GPS altitude reference</source>
      <translation>Отсчёт высоты GPS</translation>
    </message>
    <message>
      <source>Creator identifier</source>
      <translation>Идентификатор автора</translation>
    </message>
    <message>
      <source>Circa date created</source>
      <translation>Примерная дата создания</translation>
    </message>
    <message>
      <source>Style period</source>
      <translation>Стиль, период</translation>
    </message>
    <message>
      <source>Source inventory number</source>
      <translation>Инвентарный номер в источнике</translation>
    </message>
    <message>
      <source>Source inventory URL</source>
      <translation>Адрес записи в источнике</translation>
    </message>
    <message>
      <source>Current copyright owner name</source>
      <translation>Нынешний правообладатель</translation>
    </message>
    <message>
      <source>Current copyright owner identifier</source>
      <translation>Идентификатор нынешнего правообладателя</translation>
    </message>
    <message>
      <source>Current licensor name</source>
      <translation>Нынешний лицензиар</translation>
    </message>
    <message>
      <source>Current licensor identifier</source>
      <translation>Идентификатор нынешнего лицензиара</translation>
    </message>
    <message>
      <source>Content description</source>
      <translation>Описание содержания</translation>
    </message>
    <message>
      <source>Contribution description</source>
      <translation>Описание вклада</translation>
    </message>
    <message>
      <source>Physical description</source>
      <translation>Физическое описание</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Имя</translation>
    </message>
    <message>
      <source>Identifier</source>
      <translation>Идентификатор</translation>
    </message>
    <message>
      <source>URL</source>
      <translation>Адрес (URL)</translation>
    </message>
    <message>
      <source>Email</source>
      <translation>Эл. почта</translation>
    </message>
    <message>
      <source>Address, extended</source>
      <translation>Адрес, дополнение</translation>
    </message>
    <message>
      <source>Street address</source>
      <translation>Улица и дом</translation>
    </message>
    <message>
      <source>Region</source>
      <translation>Регион</translation>
    </message>
    <message>
      <source>Postal code</source>
      <translation>Почтовый индекс</translation>
    </message>
    <message>
      <source>Telephone 1</source>
      <translation>Телефон 1</translation>
    </message>
    <message>
      <source>Telephone type 1</source>
      <translation>Тип телефона 1</translation>
    </message>
    <message>
      <source>Telephone 2</source>
      <translation>Телефон 2</translation>
    </message>
    <message>
      <source>Telephone type 2</source>
      <translation>Тип телефона 2</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>Роль</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>Адрес</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Телефон</translation>
    </message>
    <message>
      <source>Web address</source>
      <translation>Веб-адрес</translation>
    </message>
  </context>
  <context>
    <name>CuratorDialog</name>
    <message>
      <source>Your Name as Curator</source>
      <translation>Ваше имя куратора</translation>
    </message>
    <message>
      <source>The edit history records each of your edits with this name. It is kept for you on this computer, not in the archive: every curator of a shared archive sets their own.</source>
      <translation>История правок записывает каждую вашу правку под этим именем. Оно хранится для вас на этом компьютере, а не в архиве: каждый куратор общего архива задаёт своё.</translation>
    </message>
    <message>
      <source>Anna Petrova</source>
      <translation>Анна Петрова</translation>
    </message>
    <message>
      <source>&amp;Your name:</source>
      <translation>&amp;Ваше имя:</translation>
    </message>
    <message>
      <source>Your edits are recorded as {name}: the environment variable ${variable} names you, and it comes before this setting. Unset it to use the name here.</source>
      <translation>Ваши правки записываются под именем {name}: его задаёт переменная окружения ${variable}, и она важнее этой настройки. Удалите её, чтобы использовать имя, заданное здесь.</translation>
    </message>
    <message>
      <source>Your edits are recorded as {name}. An empty name forgets it.</source>
      <translation>Ваши правки записываются под именем {name}. Пустое имя стирает его.</translation>
    </message>
    <message>
      <source>No name set: your edits are recorded as {name} (the database role on a server, else your login name).</source>
      <translation>Имя не задано: ваши правки записываются как {name} (роль базы данных на сервере, иначе ваше имя пользователя в системе).</translation>
    </message>
    <message>
      <source>A name cannot hold control characters.</source>
      <translation>Имя не может содержать управляющие символы.</translation>
    </message>
    <message>
      <source>A name of at most {most} characters, not {count}.</source>
      <translation>Имя должно быть не длиннее {most} символов (сейчас {count}).</translation>
    </message>
  </context>
  <context>
    <name>EditController</name>
    <message>
      <source>&amp;Undo</source>
      <translation>&amp;Отменить</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>&amp;Повторить</translation>
    </message>
    <message>
      <source>&amp;Undo {what}</source>
      <translation>&amp;Отменить: {what}</translation>
    </message>
    <message>
      <source>&amp;Redo {what}</source>
      <translation>&amp;Повторить: {what}</translation>
    </message>
    <message>
      <source>Apply &amp;Template</source>
      <translation>Применить &amp;шаблон</translation>
    </message>
    <message>
      <source>&amp;Copy Metadata</source>
      <translation>&amp;Копировать метаданные</translation>
    </message>
    <message>
      <source>&amp;Paste Metadata…</source>
      <translation>Вст&amp;авить метаданные…</translation>
    </message>
    <message>
      <source>Edit &amp;Caption</source>
      <translation>&amp;Редактировать описание</translation>
    </message>
    <message>
      <source>Undo</source>
      <translation>Отмена</translation>
    </message>
    <message>
      <source>Undo “{step}”?</source>
      <translation>Отменить «{step}»?</translation>
    </message>
    <message>
      <source>“{step}” cannot be undone.</source>
      <translation>«{step}» нельзя отменить.</translation>
    </message>
    <message>
      <source>Undoing it now would replace those newer values.</source>
      <translation>Отмена сейчас заменит эти более новые значения.</translation>
    </message>
    <message>
      <source>Undo Anyway</source>
      <translation>Всё равно отменить</translation>
    </message>
    <message>
      <source>Redo</source>
      <translation>Повтор</translation>
    </message>
    <message>
      <source>Redo “{step}”?</source>
      <translation>Повторить «{step}»?</translation>
    </message>
    <message>
      <source>“{step}” cannot be redone.</source>
      <translation>«{step}» нельзя повторить.</translation>
    </message>
    <message>
      <source>Redoing it now would replace those newer values.</source>
      <translation>Повтор сейчас заменит эти более новые значения.</translation>
    </message>
    <message>
      <source>Redo Anyway</source>
      <translation>Всё равно повторить</translation>
    </message>
    <message>
      <source>Keep the Newer Values</source>
      <translation>Оставить новые значения</translation>
    </message>
    <message>
      <source>Nothing is changed, and the step is taken off the undo list</source>
      <translation>Ничего не меняется, а шаг убирается из списка отмены</translation>
    </message>
    <message>
      <source>Copied the metadata of one photo: Paste Metadata puts chosen fields on others.</source>
      <translation>Метаданные фотографии скопированы: «Вставить метаданные» перенесёт выбранные поля на другие.</translation>
    </message>
    <message>
      <source>Copy the metadata of a photo first (Edit &gt; Copy Metadata).</source>
      <translation>Сначала скопируйте метаданные фотографии (Правка &gt; Копировать метаданные).</translation>
    </message>
    <message numerus="yes">
      <source>Paste metadata onto %n photo(s)</source>
      <translation>
        <numerusform>Вставить метаданные в %n фотографию</numerusform>
        <numerusform>Вставить метаданные в %n фотографии</numerusform>
        <numerusform>Вставить метаданные в %n фотографий</numerusform>
      </translation>
    </message>
    <message>
      <source>The change was not made</source>
      <translation>Изменение не внесено</translation>
    </message>
    <message>
      <source>(no templates yet)</source>
      <translation>(шаблонов пока нет)</translation>
    </message>
    <message>
      <source>New Template…</source>
      <translation>Новый шаблон…</translation>
    </message>
    <message>
      <source>Edit Template</source>
      <translation>Изменить шаблон</translation>
    </message>
    <message>
      <source>Select the photos to apply the template to.</source>
      <translation>Выберите фотографии, к которым применить шаблон.</translation>
    </message>
    <message>
      <source>The template was not applied</source>
      <translation>Шаблон не применён</translation>
    </message>
    <message>
      <source>The template was not saved</source>
      <translation>Шаблон не сохранён</translation>
    </message>
    <message>
      <source>Template “{name}” saved.</source>
      <translation>Шаблон «{name}» сохранён.</translation>
    </message>
  </context>
  <context>
    <name>EditorLanguages</name>
    <message>
      <source>{label} (all languages)</source>
      <translation>{label} (все языки)</translation>
    </message>
    <message>
      <source>{title} (all languages)</source>
      <translation>{title} (все языки)</translation>
    </message>
    <message>
      <source>{language}, read-only</source>
      <translation>{language}, только чтение</translation>
    </message>
  </context>
  <context>
    <name>Errors</name>
    <message>
      <source>tick “Replace an earlier export in that folder”</source>
      <translation>отметьте «Заменить прежний экспорт в этой папке»</translation>
    </message>
    <message>
      <source> to replace it</source>
      <translation>, чтобы заменить его</translation>
    </message>
    <message>
      <source>so it is never replaced</source>
      <translation>поэтому он никогда не заменяется</translation>
    </message>
    <message>
      <source> to replace them</source>
      <translation>, чтобы заменить их</translation>
    </message>
    <message>
      <source>Something went wrong</source>
      <translation>Что-то пошло не так</translation>
    </message>
    <message>
      <source>Photo Archive ran into a problem it did not expect ({what}). Your work so far is saved in the catalog. The details are in {log}.</source>
      <translation>Photo Archive столкнулся с непредвиденной проблемой ({what}). Сделанная работа сохранена в каталоге. Подробности — в {log}.</translation>
    </message>
    <message>
      <source>the catalog's server: {error}</source>
      <translation>сервер каталога: {error}</translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message>
      <source>Export “{title}”</source>
      <translation>Экспорт «{title}»</translation>
    </message>
    <message>
      <source>Web gallery (a folder that works offline and on any web server)</source>
      <translation>Веб-галерея (папка, которая работает без сети и на любом веб-сервере)</translation>
    </message>
    <message>
      <source>Package for a publisher or an archive (full files with captions inside)</source>
      <translation>Пакет для издательства или архива (полные файлы с описаниями внутри)</translation>
    </message>
    <message>
      <source>Blog post (HTML and Markdown with the images)</source>
      <translation>Запись в блог (HTML и Markdown с изображениями)</translation>
    </message>
    <message>
      <source>The folder to create</source>
      <translation>Создаваемая папка</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>Выбрать…</translation>
    </message>
    <message>
      <source>Original size</source>
      <translation>Исходный размер</translation>
    </message>
    <message>
      <source>Exact coordinates</source>
      <translation>Точные координаты</translation>
    </message>
    <message>
      <source>Coordinates rounded to about 1 km</source>
      <translation>Координаты, округлённые примерно до 1 км</translation>
    </message>
    <message>
      <source>Coordinates rounded to about 10 km</source>
      <translation>Координаты, округлённые примерно до 10 км</translation>
    </message>
    <message>
      <source>Place names only, no coordinates</source>
      <translation>Только названия мест, без координат</translation>
    </message>
    <message>
      <source>No location at all</source>
      <translation>Без местоположения</translation>
    </message>
    <message>
      <source>All curated fields</source>
      <translation>Все поля описания</translation>
    </message>
    <message>
      <source>Only credit and copyright</source>
      <translation>Только авторство и авторское право</translation>
    </message>
    <message>
      <source>None</source>
      <translation>Нет</translation>
    </message>
    <message>
      <source>Keep camera serial numbers and the owner's name</source>
      <translation>Сохранить серийные номера камер и имя владельца</translation>
    </message>
    <message>
      <source>e.g. © {creator} (empty: no credit on the image)</source>
      <translation>напр. © {creator} (пусто: без подписи на изображении)</translation>
    </message>
    <message>
      <source>One ZIP file</source>
      <translation>Один ZIP-файл</translation>
    </message>
    <message>
      <source>Replace an earlier export in that folder</source>
      <translation>Заменить прежний экспорт в этой папке</translation>
    </message>
    <message>
      <source>The language of the captions, titles, place names and the page's own words; a photo without text in it shows the default language's. Several languages: a folder each, linked together.</source>
      <translation>Язык подписей, заголовков, названий мест и слов самой страницы; у снимка без текста на этом языке показан текст языка по умолчанию. Несколько языков: по папке на каждый, со ссылками между ними.</translation>
    </message>
    <message>
      <source>The archive's default language</source>
      <translation>Язык архива по умолчанию</translation>
    </message>
    <message>
      <source>Every language: {tags} (a folder each)</source>
      <translation>Все языки: {tags} (по папке на каждый)</translation>
    </message>
    <message>
      <source>Format:</source>
      <translation>Формат:</translation>
    </message>
    <message>
      <source>Export to:</source>
      <translation>Экспорт в:</translation>
    </message>
    <message>
      <source>Long edge:</source>
      <translation>Длинная сторона:</translation>
    </message>
    <message>
      <source>JPEG quality:</source>
      <translation>Качество JPEG:</translation>
    </message>
    <message>
      <source>Thumbnails:</source>
      <translation>Миниатюры:</translation>
    </message>
    <message>
      <source>Language:</source>
      <translation>Язык:</translation>
    </message>
    <message>
      <source>Location:</source>
      <translation>Местоположение:</translation>
    </message>
    <message>
      <source>Metadata in the images:</source>
      <translation>Метаданные в изображениях:</translation>
    </message>
    <message>
      <source>Credit on the image:</source>
      <translation>Подпись на изображении:</translation>
    </message>
    <message>
      <source>File names:</source>
      <translation>Имена файлов:</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>Экспорт</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Отмена</translation>
    </message>
    <message>
      <source>Open Folder</source>
      <translation>Открыть папку</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Закрыть</translation>
    </message>
    <message>
      <source>The options of the last export of this collection.</source>
      <translation>Параметры последнего экспорта этой коллекции.</translation>
    </message>
    <message>
      <source>Export into which folder?</source>
      <translation>В какую папку экспортировать?</translation>
    </message>
    <message>
      <source>Choose the folder to export to.</source>
      <translation>Выберите папку для экспорта.</translation>
    </message>
    <message>
      <source>Not exported: select the photos and set their credit in the editor.</source>
      <translation>Не экспортировано: выберите фотографии и укажите авторство в редакторе.</translation>
    </message>
    <message>
      <source>%v of %m</source>
      <translation>%v из %m</translation>
    </message>
    <message>
      <source>Exporting…</source>
      <translation>Экспорт…</translation>
    </message>
    <message>
      <source>Credit missing</source>
      <translation>Нет авторства</translation>
    </message>
    <message numerus="yes">
      <source>%n photo(s) of this collection would be published without a proper credit.</source>
      <translation>
        <numerusform>%n фотография этой коллекции была бы опубликована без надлежащего указания авторства.</numerusform>
        <numerusform>%n фотографии этой коллекции были бы опубликованы без надлежащего указания авторства.</numerusform>
        <numerusform>%n фотографий этой коллекции были бы опубликованы без надлежащего указания авторства.</numerusform>
      </translation>
    </message>
    <message>
      <source>… and {count} more (Show Details)</source>
      <translation>… и ещё {count} (Подробнее)</translation>
    </message>
    <message>
      <source>Select the photos and set their credit in the editor, or export them as they are.</source>
      <translation>Выберите фотографии и укажите авторство в редакторе или экспортируйте их как есть.</translation>
    </message>
    <message>
      <source>Export Anyway</source>
      <translation>Всё равно экспортировать</translation>
    </message>
    <message>
      <source>Cancelling… the photos in progress are finished first, then nothing is kept.</source>
      <translation>Отмена… сначала будут закончены обрабатываемые фотографии, затем ничего не сохранится.</translation>
    </message>
    <message>
      <source>Exporting {name}</source>
      <translation>Экспорт: {name}</translation>
    </message>
    <message>
      <source>Export cancelled; nothing was written.</source>
      <translation>Экспорт отменён; ничего не записано.</translation>
    </message>
    <message numerus="yes">
      <source>%n photo(s) exported to {target}.</source>
      <translation>
        <numerusform>%n фотография экспортирована в {target}.</numerusform>
        <numerusform>%n фотографии экспортированы в {target}.</numerusform>
        <numerusform>%n фотографий экспортировано в {target}.</numerusform>
      </translation>
    </message>
    <message>
      <source>{count} could not be exported (listed below).</source>
      <translation>Не удалось экспортировать: {count} (список ниже).</translation>
    </message>
    <message numerus="yes">
      <source>{language}: %n photo(s) with no text in this language show the default language's.</source>
      <translation>
        <numerusform>{language}: %n фотография без текста на этом языке показана с текстом языка по умолчанию.</numerusform>
        <numerusform>{language}: %n фотографии без текста на этом языке показаны с текстом языка по умолчанию.</numerusform>
        <numerusform>{language}: %n фотографий без текста на этом языке показаны с текстом языка по умолчанию.</numerusform>
      </translation>
    </message>
    <message>
      <source>The export failed and nothing was written: {reason}</source>
      <translation>Экспорт не удался, ничего не записано: {reason}</translation>
    </message>
  </context>
  <context>
    <name>FieldEditors</name>
    <message>
      <source>(multiple values)</source>
      <translation>(разные значения)</translation>
    </message>
    <message>
      <source>{bytes} bytes: longer than the {limit} bytes that IPTC IIM holds; IIM gets a shortened copy, XMP and EXIF the whole text</source>
      <translation>{bytes} байт: длиннее {limit} байт, вмещаемых IPTC IIM; в IIM попадёт сокращённая копия, в XMP и EXIF — весь текст</translation>
    </message>
    <message>
      <source>{chars} characters · {bytes} / {limit} IIM bytes</source>
      <translation>{chars} симв. · {bytes} / {limit} байт IIM</translation>
    </message>
    <message>
      <source>Longer than IPTC IIM allows: IIM gets a shortened copy, XMP and EXIF the whole caption.</source>
      <translation>Длиннее, чем допускает IPTC IIM: в IIM попадёт сокращённая копия, в XMP и EXIF — всё описание.</translation>
    </message>
    <message>
      <source>keyword, keyword, …</source>
      <translation>ключевое слово, ключевое слово, …</translation>
    </message>
    <message>
      <source>name; name; …</source>
      <translation>имя; имя; …</translation>
    </message>
    <message>
      <source>50.7153, 156.2547 or 50°42'55"N 156°15'17"E</source>
      <translation>50.7153, 156.2547 или 50°42'55"N 156°15'17"E</translation>
    </message>
    <message>
      <source>Not rated</source>
      <translation>Без оценки</translation>
    </message>
    <message>
      <source>None</source>
      <translation>Нет</translation>
    </message>
    <message>
      <source>{uri} (not in the vocabulary)</source>
      <translation>{uri} (нет в словаре)</translation>
    </message>
    <message>
      <source>Fill from place…</source>
      <translation>Заполнить по месту…</translation>
    </message>
    <message>
      <source>1945-08-18, or 2015-08-10T09:00:00+11:00</source>
      <translation>1945-08-18 или 2015-08-10T09:00:00+11:00</translation>
    </message>
    <message>
      <source>1945-08-18, or 1945-08-18/1945-08-23</source>
      <translation>1945-08-18 или 1945-08-18/1945-08-23</translation>
    </message>
    <message>
      <source>RUS, JPN, …</source>
      <translation>RUS, JPN, …</translation>
    </message>
    <message>
      <source>https://…</source>
      <translation>https://…</translation>
    </message>
  </context>
  <context>
    <name>FilterBar</name>
    <message>
      <source>Rating at least</source>
      <translation>Рейтинг не ниже</translation>
    </message>
    <message>
      <source>Any rating</source>
      <translation>Любой рейтинг</translation>
    </message>
    <message>
      <source>Colour label: {label} (several: any of them)</source>
      <translation>Цветная метка: {label} (несколько: любая из них)</translation>
    </message>
    <message>
      <source>Flag</source>
      <translation>Флажок</translation>
    </message>
    <message>
      <source>Any flag</source>
      <translation>Любой флажок</translation>
    </message>
    <message>
      <source>Picks</source>
      <translation>Отобранные</translation>
    </message>
    <message>
      <source>Rejects</source>
      <translation>Отклонённые</translation>
    </message>
    <message>
      <source>Unflagged</source>
      <translation>Без флажка</translation>
    </message>
    <message>
      <source>Has or lacks</source>
      <translation>Есть или нет</translation>
    </message>
    <message>
      <source>Caption: either</source>
      <translation>Описание: любое</translation>
    </message>
    <message>
      <source>With caption</source>
      <translation>С описанием</translation>
    </message>
    <message>
      <source>Without caption</source>
      <translation>Без описания</translation>
    </message>
    <message>
      <source>Credit: either</source>
      <translation>Авторство: любое</translation>
    </message>
    <message>
      <source>With credit</source>
      <translation>С авторством</translation>
    </message>
    <message>
      <source>Without credit</source>
      <translation>Без авторства</translation>
    </message>
    <message>
      <source>Place: either</source>
      <translation>Место: любое</translation>
    </message>
    <message>
      <source>With place</source>
      <translation>С местом</translation>
    </message>
    <message>
      <source>Without place</source>
      <translation>Без места</translation>
    </message>
    <message>
      <source>GPS: either</source>
      <translation>GPS: любое</translation>
    </message>
    <message>
      <source>With GPS</source>
      <translation>С GPS</translation>
    </message>
    <message>
      <source>Without GPS</source>
      <translation>Без GPS</translation>
    </message>
    <message>
      <source>From date</source>
      <translation>С даты</translation>
    </message>
    <message>
      <source>To date</source>
      <translation>По дату</translation>
    </message>
    <message>
      <source>Capture date: a day (2015-08-10), a month (2015-08) or a year (2015)</source>
      <translation>Дата съёмки: день (2015-08-10), месяц (2015-08) или год (2015)</translation>
    </message>
    <message>
      <source>Camera</source>
      <translation>Камера</translation>
    </message>
    <message>
      <source>Keyword</source>
      <translation>Ключевое слово</translation>
    </message>
    <message>
      <source>Place (and inside)</source>
      <translation>Место (и вложенные)</translation>
    </message>
    <message>
      <source>Hide rejects</source>
      <translation>Скрыть отклонённые</translation>
    </message>
    <message>
      <source>Clear</source>
      <translation>Сбросить</translation>
    </message>
    <message>
      <source>Clear the filter</source>
      <translation>Сбросить фильтр</translation>
    </message>
    <message>
      <source>Save as Smart Collection…</source>
      <translation>Сохранить как умную коллекцию…</translation>
    </message>
    <message>
      <source>Filter</source>
      <translation>Фильтр</translation>
    </message>
    <message>
      <source>Filter:</source>
      <translation>Фильтр:</translation>
    </message>
    <message>
      <source>Has / lacks ({count})</source>
      <translation>Есть / нет ({count})</translation>
    </message>
    <message>
      <source>Has / lacks</source>
      <translation>Есть / нет</translation>
    </message>
    <message>
      <source>no filter</source>
      <translation type="vanished">без фильтра</translation>
    </message>
    <message>
      <source>The filter, as photoarchive list --filter reads it:
{text}</source>
      <translation>Фильтр в том виде, в каком его читает photoarchive list --filter:
{text}</translation>
    </message>
  </context>
  <context>
    <name>FilterController</name>
    <message>
      <source>Save Filter as S&amp;mart Collection…</source>
      <translation>Сохранить фильтр как у&amp;мную коллекцию…</translation>
    </message>
    <message>
      <source>Edit Smart Collection &amp;Filter…</source>
      <translation>Изменить &amp;фильтр умной коллекции…</translation>
    </message>
    <message>
      <source>Add &amp;Matching Photos to Collection…</source>
      <translation>Добавить подходящие фотографии в &amp;коллекцию…</translation>
    </message>
    <message numerus="yes">
      <source> · %n reject(s) hidden</source>
      <translation>
        <numerusform> · скрыта %n отклонённая</numerusform>
        <numerusform> · скрыты %n отклонённые</numerusform>
        <numerusform> · скрыто %n отклонённых</numerusform>
      </translation>
    </message>
    <message>
      <source>Create smart collection “{name}”</source>
      <translation>Создать умную коллекцию «{name}»</translation>
    </message>
    <message>
      <source>The smart collection was not created</source>
      <translation>Умная коллекция не создана</translation>
    </message>
    <message>
      <source>Edit the filter of “{name}”</source>
      <translation>Изменение фильтра «{name}»</translation>
    </message>
    <message>
      <source>The smart collection was not changed</source>
      <translation>Умная коллекция не изменена</translation>
    </message>
    <message>
      <source>There is no ordinary collection to add the photos to.</source>
      <translation>Нет обычной коллекции, в которую можно добавить фотографии.</translation>
    </message>
    <message>
      <source>Add matching photos</source>
      <translation>Добавить подходящие фотографии</translation>
    </message>
    <message>
      <source>Collection:</source>
      <translation>Коллекция:</translation>
    </message>
    <message numerus="yes">
      <source>Add %n matching photo(s) to “{name}”</source>
      <translation>
        <numerusform>Добавить %n подходящую фотографию в «{name}»</numerusform>
        <numerusform>Добавить %n подходящие фотографии в «{name}»</numerusform>
        <numerusform>Добавить %n подходящих фотографий в «{name}»</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>GeotagDialog</name>
    <message>
      <source>before track</source>
      <translation>до трека</translation>
    </message>
    <message>
      <source>after track</source>
      <translation>после трека</translation>
    </message>
    <message>
      <source>gap</source>
      <translation>разрыв</translation>
    </message>
    <message>
      <source>no time</source>
      <translation>нет времени</translation>
    </message>
    <message>
      <source>no zone</source>
      <translation>нет пояса</translation>
    </message>
    <message>
      <source>Geotag from a GPX track</source>
      <translation>Геопривязка по треку GPX</translation>
    </message>
    <message>
      <source>Browse…</source>
      <translation>Обзор…</translation>
    </message>
    <message>
      <source> s</source>
      <translation> с</translation>
    </message>
    <message>
      <source>Seconds to add to the camera's clock (+120 if it was 2 minutes slow)</source>
      <translation>Секунды, добавляемые к часам камеры (+120, если они отставали на 2 минуты)</translation>
    </message>
    <message>
      <source>Time zone of the camera clock, for capture times recorded without one</source>
      <translation>Часовой пояс часов камеры — для времени съёмки, записанного без пояса</translation>
    </message>
    <message>
      <source>Choose a GPX file.</source>
      <translation>Выберите файл GPX.</translation>
    </message>
    <message>
      <source>Photo</source>
      <translation>Фотография</translation>
    </message>
    <message>
      <source>Time (UTC)</source>
      <translation>Время (UTC)</translation>
    </message>
    <message>
      <source>Position</source>
      <translation>Координаты</translation>
    </message>
    <message>
      <source>Match</source>
      <translation>Сопоставить</translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>Применить</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Закрыть</translation>
    </message>
    <message>
      <source>GPX file</source>
      <translation>Файл GPX</translation>
    </message>
    <message>
      <source>Camera clock offset</source>
      <translation>Поправка часов камеры</translation>
    </message>
    <message>
      <source>Camera time zone</source>
      <translation>Часовой пояс камеры</translation>
    </message>
    <message>
      <source>GPX track</source>
      <translation>Трек GPX</translation>
    </message>
    <message>
      <source>GPX tracks (*.gpx)</source>
      <translation>Треки GPX (*.gpx)</translation>
    </message>
    <message numerus="yes">
      <source>{matched} of %n photo(s) matched; the others are reported, not guessed.</source>
      <translation>
        <numerusform>Сопоставлено {matched} из %n фотографии; об остальных сообщено, они не угадываются.</numerusform>
        <numerusform>Сопоставлено {matched} из %n фотографий; об остальных сообщено, они не угадываются.</numerusform>
        <numerusform>Сопоставлено {matched} из %n фотографий; об остальных сообщено, они не угадываются.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Positions written for %n photo(s).</source>
      <translation>
        <numerusform>Координаты записаны для %n фотографии.</numerusform>
        <numerusform>Координаты записаны для %n фотографий.</numerusform>
        <numerusform>Координаты записаны для %n фотографий.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>GridBar</name>
    <message>
      <source>Search captions, places, names… (any script)</source>
      <translation>Поиск: описания, места, имена…</translation>
    </message>
    <message>
      <source>Sort order</source>
      <translation>Порядок сортировки</translation>
    </message>
    <message>
      <source>Capture date</source>
      <translation>Дата съёмки</translation>
    </message>
    <message>
      <source>Import order</source>
      <translation>Порядок импорта</translation>
    </message>
    <message>
      <source>File name</source>
      <translation>Имя файла</translation>
    </message>
    <message>
      <source>Collection order</source>
      <translation>Порядок коллекции</translation>
    </message>
    <message>
      <source>Thumbnail size</source>
      <translation>Размер миниатюр</translation>
    </message>
    <message>
      <source>Thumbnail size (Ctrl++ and Ctrl+-)</source>
      <translation>Размер миниатюр (Ctrl++ и Ctrl+-)</translation>
    </message>
    <message>
      <source>Sort:</source>
      <translation>Сортировка:</translation>
    </message>
    <message>
      <source>Size:</source>
      <translation>Размер:</translation>
    </message>
    <message numerus="yes">
      <source>%Ln photo(s)</source>
      <translation>
        <numerusform>%Ln фотография</numerusform>
        <numerusform>%Ln фотографии</numerusform>
        <numerusform>%Ln фотографий</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{shown} of %Ln</source>
      <translation>
        <numerusform>{shown} из %Ln</numerusform>
        <numerusform>{shown} из %Ln</numerusform>
        <numerusform>{shown} из %Ln</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ImageRegions</name>
    <message>
      <source>rectangle</source>
      <comment>shape of an image region</comment>
      <translation>прямоугольник</translation>
    </message>
    <message>
      <source>circle</source>
      <comment>shape of an image region</comment>
      <translation>круг</translation>
    </message>
    <message>
      <source>polygon</source>
      <comment>shape of an image region</comment>
      <translation>многоугольник</translation>
    </message>
    <message>
      <source>pixel</source>
      <comment>unit of an image region's boundary</comment>
      <translation>пиксели</translation>
    </message>
    <message>
      <source>relative</source>
      <comment>unit of an image region's boundary</comment>
      <translation>относительные</translation>
    </message>
    <message>
      <source>roles</source>
      <translation>роли</translation>
    </message>
    <message>
      <source>content types</source>
      <translation>типы содержимого</translation>
    </message>
    <message>
      <source>persons</source>
      <translation>люди</translation>
    </message>
  </context>
  <context>
    <name>ImportDialog</name>
    <message>
      <source>Import photos</source>
      <translation>Импорт фотографий</translation>
    </message>
    <message>
      <source>Looking for photos…</source>
      <translation>Поиск фотографий…</translation>
    </message>
    <message>
      <source>None</source>
      <translation>Нет</translation>
    </message>
    <message>
      <source>Fields of this template are given to every photo imported</source>
      <translation>Поля этого шаблона получит каждая импортированная фотография</translation>
    </message>
    <message>
      <source>Apply template:</source>
      <translation>Применить шаблон:</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>Импорт</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Отмена</translation>
    </message>
    <message>
      <source>Continue in Background</source>
      <translation>Продолжить в фоне</translation>
    </message>
    <message>
      <source>Hide this window; the import goes on, with its progress in the status bar</source>
      <translation>Скрыть это окно; импорт продолжится, его ход виден в строке состояния</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Закрыть</translation>
    </message>
    <message>
      <source>Copy List</source>
      <translation>Копировать список</translation>
    </message>
    <message>
      <source>Copy the files that were not imported, with the reasons</source>
      <translation>Скопировать список неимпортированных файлов с причинами</translation>
    </message>
    <message numerus="yes">
      <source>Found %n photo(s)</source>
      <translation>
        <numerusform>Найдена %n фотография</numerusform>
        <numerusform>Найдены %n фотографии</numerusform>
        <numerusform>Найдено %n фотографий</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>in %n folder(s).</source>
      <translation>
        <numerusform>в %n папке.</numerusform>
        <numerusform>в %n папках.</numerusform>
        <numerusform>в %n папках.</numerusform>
      </translation>
    </message>
    <message>
      <source>No photos were found there.</source>
      <translation>Там не найдено фотографий.</translation>
    </message>
    <message numerus="yes">
      <source>%n file(s) will not be imported (listed below).</source>
      <translation>
        <numerusform>%n файл не будет импортирован (список ниже).</numerusform>
        <numerusform>%n файла не будут импортированы (список ниже).</numerusform>
        <numerusform>%n файлов не будут импортированы (список ниже).</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>… and %n more</source>
      <translation>
        <numerusform>… и ещё %n</numerusform>
        <numerusform>… и ещё %n</numerusform>
        <numerusform>… и ещё %n</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Importing %n photo(s)…</source>
      <translation>
        <numerusform>Импорт %n фотографии…</numerusform>
        <numerusform>Импорт %n фотографий…</numerusform>
        <numerusform>Импорт %n фотографий…</numerusform>
      </translation>
    </message>
    <message>
      <source>Files already in the archive and files that fail are listed below as they come.</source>
      <translation>Файлы, уже находящиеся в архиве, и файлы с ошибками перечисляются ниже по мере обработки.</translation>
    </message>
    <message>
      <source>%v of %m</source>
      <translation>%v из %m</translation>
    </message>
    <message>
      <source>Starting the import…</source>
      <translation>Запуск импорта…</translation>
    </message>
    <message>
      <source>Cancel Import</source>
      <translation>Отменить импорт</translation>
    </message>
    <message>
      <source>Cancelling… the files in progress are finished first.</source>
      <translation>Отмена… сначала будут закончены обрабатываемые файлы.</translation>
    </message>
    <message>
      <source>= {path}: already in the archive</source>
      <translation>= {path}: уже в архиве</translation>
    </message>
    <message>
      <source>Import cancelled.</source>
      <translation>Импорт отменён.</translation>
    </message>
    <message>
      <source>Import complete.</source>
      <translation>Импорт завершён.</translation>
    </message>
    <message numerus="yes">
      <source>%n photo(s) imported</source>
      <translation>
        <numerusform>импортирована %n фотография</numerusform>
        <numerusform>импортировано фотографий: %n</numerusform>
        <numerusform>импортировано фотографий: %n</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n already in the archive</source>
      <translation>
        <numerusform>%n уже в архиве</numerusform>
        <numerusform>%n уже в архиве</numerusform>
        <numerusform>%n уже в архиве</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n failed</source>
      <translation>
        <numerusform>%n с ошибкой</numerusform>
        <numerusform>%n с ошибкой</numerusform>
        <numerusform>%n с ошибкой</numerusform>
      </translation>
    </message>
    <message>
      <source>The template “{name}” is applied to them.</source>
      <translation>К ним применён шаблон «{name}».</translation>
    </message>
    <message>
      <source>Every file was imported.</source>
      <translation>Все файлы импортированы.</translation>
    </message>
    <message>
      <source>Took {time}.</source>
      <translation>Заняло {time}.</translation>
    </message>
    <message>
      <source>The import could not run: {reason}</source>
      <translation>Импорт не удалось выполнить: {reason}</translation>
    </message>
    <message>
      <source>Already in the archive (not imported again):</source>
      <translation>Уже в архиве (повторно не импортированы):</translation>
    </message>
    <message>
      <source>Not imported:</source>
      <translation>Не импортированы:</translation>
    </message>
    <message>
      <source>Imported, with a warning:</source>
      <translation>Импортированы с предупреждением:</translation>
    </message>
    <message>
      <source>To correct them: show Needs attention (Ctrl+2) in the sources, select the photos and set the field in the editor.</source>
      <translation>Чтобы исправить: откройте «Требуют внимания» (Ctrl+2) в источниках, выберите фотографии и задайте поле в редакторе.</translation>
    </message>
    <message>
      <source>Passed over (sidecars, hidden and system files):</source>
      <translation>Пропущены (файлы XMP рядом, скрытые и системные файлы):</translation>
    </message>
    <message>
      <source>The list is on the clipboard.</source>
      <translation>Список скопирован в буфер обмена.</translation>
    </message>
    <message>
      <source>{done} of {total}</source>
      <translation>{done} из {total}</translation>
    </message>
    <message>
      <source>{rate} photos a second</source>
      <translation>{rate} фото в секунду</translation>
    </message>
    <message>
      <source>about {time} left</source>
      <translation>осталось около {time}</translation>
    </message>
    <message>
      <source>{seconds} s</source>
      <translation>{seconds} с</translation>
    </message>
    <message>
      <source>{minutes} min {seconds} s</source>
      <translation>{minutes} мин {seconds} с</translation>
    </message>
    <message>
      <source>{hours} h {minutes} min</source>
      <translation>{hours} ч {minutes} мин</translation>
    </message>
    <message>
      <source>Waiting for another import ({holder})… this one starts when it ends.</source>
      <translation>Ожидание другого импорта ({holder})… этот начнётся, когда тот закончится.</translation>
    </message>
    <message>
      <source>Waiting for another import… this one starts when it ends.</source>
      <translation>Ожидание другого импорта… этот начнётся, когда тот закончится.</translation>
    </message>
  </context>
  <context>
    <name>LanguageMenu</name>
    <message>
      <source>Lan&amp;guage</source>
      <translation>&amp;Язык</translation>
    </message>
    <message>
      <source>&amp;System Language ({name})</source>
      <translation>&amp;Язык системы ({name})</translation>
    </message>
    <message>
      <source>Takes effect at the next start</source>
      <translation>Вступит в силу при следующем запуске</translation>
    </message>
    <message>
      <source>The language changes the next time Photo Archive starts.</source>
      <translation>Язык сменится при следующем запуске Photo Archive.</translation>
    </message>
  </context>
  <context>
    <name>LanguageSwitch</name>
    <message>
      <source>Default</source>
      <translation>По умолчанию</translation>
    </message>
    <message>
      <source>Language:</source>
      <translation>Язык:</translation>
    </message>
    <message>
      <source>Side by side</source>
      <translation>Рядом</translation>
    </message>
    <message>
      <source>Show another language's title, headline, caption and alt text beside them, read-only</source>
      <translation type="vanished">Показать рядом название, заголовок, описание и альтернативный текст на другом языке, только для чтения</translation>
    </message>
    <message>
      <source>, </source>
      <translation>, </translation>
    </message>
    <message>
      <source>Show another language's {fields} beside them, read-only</source>
      <translation>Показать рядом, только для чтения, эти поля на другом языке: {fields}</translation>
    </message>
    <message>
      <source>Beside, read-only:</source>
      <translation>Рядом, только чтение:</translation>
    </message>
    <message>
      <source>{tag} (default)</source>
      <translation>{tag} (по умолчанию)</translation>
    </message>
    <message>
      <source>+ Add a language…</source>
      <translation>+ Добавить язык…</translation>
    </message>
    <message>
      <source>Add a language…</source>
      <translation>Добавить язык…</translation>
    </message>
    <message>
      <source>Type the {fields} in another language</source>
      <translation>Вводить на другом языке: {fields}</translation>
    </message>
    <message>
      <source>Fields marked {tag}: {language}. The fields marked “all languages” are the same in every language.</source>
      <translation>Поля с пометкой {tag}: {language}. Поля с пометкой «все языки» одинаковы на всех языках.</translation>
    </message>
    <message>
      <source>Type the title, headline, caption and alt text in another language</source>
      <translation type="vanished">Вводить название, заголовок, описание и альтернативный текст на другом языке</translation>
    </message>
    <message>
      <source>The language the fields were typed in (not named yet: Add a language names others)</source>
      <translation>Язык, на котором введены поля (ещё не назван: «Добавить язык» называет другие)</translation>
    </message>
    <message>
      <source>{name}: the default language (XMP x-default, and IPTC IIM and EXIF)</source>
      <translation>{name}: язык по умолчанию (XMP x-default, а также IPTC IIM и EXIF)</translation>
    </message>
    <message>
      <source>Title, headline, caption and alt text: {language}. The fields marked “all languages” are the same in every language.</source>
      <translation type="vanished">Название, заголовок, описание и альтернативный текст: {language}. Поля с пометкой «все языки» одинаковы на всех языках.</translation>
    </message>
  </context>
  <context>
    <name>Loupe</name>
    <message>
      <source>(no caption yet)</source>
      <translation>(описания пока нет)</translation>
    </message>
    <message>
      <source>(no creator or credit yet)</source>
      <translation>(автора и авторства пока нет)</translation>
    </message>
    <message>
      <source>{name} ({position} of {count})</source>
      <translation>{name} ({position} из {count})</translation>
    </message>
    <message>
      <source>Fitted</source>
      <translation>По размеру окна</translation>
    </message>
    <message>
      <source>100 %</source>
      <translation>100 %</translation>
    </message>
    <message>
      <source>100 % of the preview (the original is still being read, or cannot be shown here)</source>
      <translation>100 % превью (оригинал ещё читается или не может быть показан здесь)</translation>
    </message>
    <message>
      <source>{name} · {position} of {count} · {zoom} · Z or double-click: 100 % / fitted · ← →: previous, next · I: info · Space: close</source>
      <translation>{name} · {position} из {count} · {zoom} · Z или двойной щелчок: 100 % / по размеру окна · ← →: предыдущая, следующая · I: сведения · Пробел: закрыть</translation>
    </message>
    <message numerus="yes">
      <source> · R: image regions (%n)</source>
      <translation>
        <numerusform> · R: области изображения (%n)</numerusform>
        <numerusform> · R: области изображения (%n)</numerusform>
        <numerusform> · R: области изображения (%n)</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>&amp;Photo</source>
      <translation>Ф&amp;ото</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>&amp;Файл</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>&amp;Правка</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>&amp;Вид</translation>
    </message>
    <message>
      <source>&amp;Collection</source>
      <translation>&amp;Коллекция</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>&amp;Справка</translation>
    </message>
    <message>
      <source>Sources</source>
      <translation>Источники</translation>
    </message>
    <message>
      <source>Metadata</source>
      <translation>Метаданные</translation>
    </message>
    <message>
      <source>&lt;opened the archive&gt;</source>
      <translation>&lt;архив открыт&gt;</translation>
    </message>
    <message>
      <source>Undo History</source>
      <translation>История отмены</translation>
    </message>
    <message>
      <source>counting…</source>
      <translation>подсчёт…</translation>
    </message>
    <message>
      <source>{count} shown</source>
      <translation>показано: {count}</translation>
    </message>
    <message>
      <source>{count} selected</source>
      <translation>выбрано: {count}</translation>
    </message>
    <message>
      <source>Undo &amp;History</source>
      <translation>&amp;История отмены</translation>
    </message>
    <message>
      <source>Map</source>
      <translation>Карта</translation>
    </message>
    <message>
      <source>Places</source>
      <translation>Места</translation>
    </message>
    <message>
      <source>Your Na&amp;me as Curator…</source>
      <translation>Ваше и&amp;мя куратора…</translation>
    </message>
  </context>
  <context>
    <name>MapCanvas</name>
    <message numerus="yes">
      <source>%n photo(s)</source>
      <translation>
        <numerusform>%n фотография</numerusform>
        <numerusform>%n фотографии</numerusform>
        <numerusform>%n фотографий</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>MapPanel</name>
    <message>
      <source>Places</source>
      <translation>Места</translation>
    </message>
    <message>
      <source>Show the gazetteer's places</source>
      <translation>Показать места из справочника</translation>
    </message>
    <message>
      <source>Map tiles</source>
      <translation>Тайлы карты</translation>
    </message>
    <message>
      <source>Load map tiles from OpenStreetMap (cached on this computer)</source>
      <translation>Загружать тайлы карты из OpenStreetMap (с кешем на этом компьютере)</translation>
    </message>
    <message>
      <source>Zoom out (-)</source>
      <translation>Уменьшить (-)</translation>
    </message>
    <message>
      <source>Zoom in (+)</source>
      <translation>Увеличить (+)</translation>
    </message>
    <message>
      <source>Fit</source>
      <translation>Вместить</translation>
    </message>
    <message>
      <source>Show all markers</source>
      <translation>Показать все метки</translation>
    </message>
    <message numerus="yes">
      <source>%Ln photo(s) on the map</source>
      <translation>
        <numerusform>%Ln фотография на карте</numerusform>
        <numerusform>%Ln фотографии на карте</numerusform>
        <numerusform>%Ln фотографий на карте</numerusform>
      </translation>
    </message>
    <message>
      <source>, {n} without GPS</source>
      <translation>, без GPS: {n}</translation>
    </message>
    <message>
      <source> (the first {n} of the selection)</source>
      <translation> (первые {n} из выбранных)</translation>
    </message>
    <message numerus="yes">
      <source>Set GPS of %n photo(s) on the map</source>
      <translation>
        <numerusform>Задать GPS %n фотографии на карте</numerusform>
        <numerusform>Задать GPS %n фотографий на карте</numerusform>
        <numerusform>Задать GPS %n фотографий на карте</numerusform>
      </translation>
    </message>
    <message>
      <source>Map tiles are unavailable (no network?): markers are shown on the built-in world map.</source>
      <translation>Тайлы карты недоступны (нет сети?): метки показаны на встроенной карте мира.</translation>
    </message>
    <message>
      <source>Map tiles are off: markers are shown on tiles cached earlier, or on the built-in world map.</source>
      <translation>Тайлы карты выключены: метки показаны на ранее сохранённых тайлах или на встроенной карте мира.</translation>
    </message>
  </context>
  <context>
    <name>MetadataEditor</name>
    <message>
      <source>Position</source>
      <translation>Координаты</translation>
    </message>
    <message>
      <source>Latitude and longitude, where the photo was taken (EXIF GPS)</source>
      <translation>Широта и долгота места съёмки (EXIF GPS)</translation>
    </message>
    <message>
      <source>Info</source>
      <translation>Сведения</translation>
    </message>
    <message>
      <source>No photo selected</source>
      <translation>Фотография не выбрана</translation>
    </message>
    <message numerus="yes">
      <source>%Ln photo(s) selected: a change applies to all of them</source>
      <translation>
        <numerusform>Выбрана %Ln фотография: изменение применяется ко всем</numerusform>
        <numerusform>Выбраны %Ln фотографии: изменение применяется ко всем</numerusform>
        <numerusform>Выбрано %Ln фотографий: изменение применяется ко всем</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Reading the fields of %Ln photo(s)…</source>
      <translation>
        <numerusform>Чтение полей %Ln фотографии…</numerusform>
        <numerusform>Чтение полей %Ln фотографий…</numerusform>
        <numerusform>Чтение полей %Ln фотографий…</numerusform>
      </translation>
    </message>
    <message>
      <source>The keywords all selected photos share; each photo's other keywords are kept. Words you add or remove here change every photo.</source>
      <translation>Ключевые слова, общие для всех выбранных фотографий; остальные ключевые слова каждой фотографии сохраняются. Слова, добавленные или удалённые здесь, меняют каждую фотографию.</translation>
    </message>
    <message>
      <source>{field} was not saved: {reason}</source>
      <translation>Поле «{field}» не сохранено: {reason}</translation>
    </message>
    <message>
      <source>Settle {field}</source>
      <translation>Выбрать значение: {field}</translation>
    </message>
    <message numerus="yes">
      <source>Use the place's position for %n photo(s)</source>
      <translation>
        <numerusform>Использовать координаты места для %n фотографии</numerusform>
        <numerusform>Использовать координаты места для %n фотографий</numerusform>
        <numerusform>Использовать координаты места для %n фотографий</numerusform>
      </translation>
    </message>
    <message>
      <source>The gazetteer has no places yet: add them in the Places panel.</source>
      <translation>В справочнике мест пока нет мест: добавьте их на панели «Места».</translation>
    </message>
    <message>
      <source>Fill from place</source>
      <translation>Заполнить по месту</translation>
    </message>
    <message>
      <source>Location created:</source>
      <translation>Место съёмки:</translation>
    </message>
  </context>
  <context>
    <name>OpenArchiveDialog</name>
    <message>
      <source>Open Archive</source>
      <translation>Открыть архив</translation>
    </message>
    <message>
      <source>The archive's folder</source>
      <translation>Папка архива</translation>
    </message>
    <message>
      <source>&amp;Browse…</source>
      <translation>&amp;Обзор…</translation>
    </message>
    <message>
      <source>&amp;Folder:</source>
      <translation>&amp;Папка:</translation>
    </message>
    <message>
      <source>&amp;Catalog on a server (PostgreSQL)</source>
      <translation>&amp;Каталог на сервере (PostgreSQL)</translation>
    </message>
    <message>
      <source>Server &amp;address:</source>
      <translation>&amp;Адрес сервера:</translation>
    </message>
    <message>
      <source>The address is saved in the archive folder ({file}), so every curator who opens this folder reaches the same catalog. No password here: it goes in ~/.pgpass or PGPASSWORD.</source>
      <translation>Адрес сохраняется в папке архива ({file}), чтобы каждый куратор, открывший эту папку, попадал в тот же каталог. Пароль сюда не вписывайте: он хранится в ~/.pgpass или PGPASSWORD.</translation>
    </message>
    <message>
      <source>Open an archive folder</source>
      <translation>Открыть папку архива</translation>
    </message>
    <message>
      <source>This folder's {file} cannot be read, or holds no PostgreSQL address without a password; type the address below to replace it.</source>
      <translation>Файл {file} в этой папке не читается или не содержит адреса PostgreSQL без пароля; введите адрес ниже, чтобы заменить его.</translation>
    </message>
    <message>
      <source>This archive's catalog is on a server (its {file} says so). To bring it back into the folder, use the command photoarchive catalog migrate-to.</source>
      <translation>Каталог этого архива находится на сервере (так указано в его {file}). Чтобы вернуть его в папку, используйте команду photoarchive catalog migrate-to.</translation>
    </message>
    <message>
      <source>The address holds a password. Leave it out, and put the password in ~/.pgpass or PGPASSWORD instead, where only you can read it.</source>
      <translation>В адресе есть пароль. Уберите его и укажите пароль в ~/.pgpass или PGPASSWORD, где его можете прочитать только вы.</translation>
    </message>
    <message>
      <source>Not a PostgreSQL address: it begins with postgresql://, as in {example}.</source>
      <translation>Это не адрес PostgreSQL: он начинается с postgresql://, например {example}.</translation>
    </message>
    <message>
      <source>New Archive</source>
      <translation>Новый архив</translation>
    </message>
    <message>
      <source>The catalog is made in this database, which must be empty (ask the server's administrator for one: a team's archive has a database of its own). The address is saved in the archive folder ({file}), so every curator who opens this folder reaches the same catalog. No password here: it goes in ~/.pgpass or PGPASSWORD.</source>
      <translation>Каталог создаётся в этой базе данных, и она должна быть пустой (попросите её у администратора сервера: у архива команды своя база данных). Адрес сохраняется в папке архива ({file}), чтобы каждый куратор, открывший эту папку, попадал в тот же каталог. Пароль сюда не вписывайте: он хранится в ~/.pgpass или PGPASSWORD.</translation>
    </message>
    <message>
      <source>C&amp;reate</source>
      <translation>&amp;Создать</translation>
    </message>
    <message>
      <source>A folder for the new archive</source>
      <translation>Папка для нового архива</translation>
    </message>
    <message>
      <source>This folder already holds an archive: open it with File &gt; Open Archive instead.</source>
      <translation>В этой папке уже есть архив: откройте его через Файл &gt; Открыть архив.</translation>
    </message>
  </context>
  <context>
    <name>PasteFieldsDialog</name>
    <message>
      <source>Paste metadata</source>
      <translation>Вставка метаданных</translation>
    </message>
    <message numerus="yes">
      <source>Paste these fields onto %n photo(s):</source>
      <translation>
        <numerusform>Вставить эти поля в %n фотографию:</numerusform>
        <numerusform>Вставить эти поля в %n фотографии:</numerusform>
        <numerusform>Вставить эти поля в %n фотографий:</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>PhotoEdits</name>
    <message>
      <source>{what} of {photo}</source>
      <translation>{what}: {photo}</translation>
    </message>
    <message numerus="yes">
      <source>{what} of %n photo(s)</source>
      <translation>
        <numerusform>{what}: %n фотография</numerusform>
        <numerusform>{what}: %n фотографии</numerusform>
        <numerusform>{what}: %n фотографий</numerusform>
      </translation>
    </message>
    <message>
      <source> and </source>
      <translation> и </translation>
    </message>
    <message>
      <source>the {fields} of {photos}</source>
      <translation>{fields} ({photos})</translation>
    </message>
    <message numerus="yes">
      <source>the {fields} of %n photo(s)</source>
      <translation>
        <numerusform>{fields} (%n фотография)</numerusform>
        <numerusform>{fields} (%n фотографии)</numerusform>
        <numerusform>{fields} (%n фотографий)</numerusform>
      </translation>
    </message>
    <message>
      <source>Since this step, {what} has been changed elsewhere (from the command line or another window).</source>
      <translation>После этого шага в другом месте изменено: {what} (из командной строки или другого окна).</translation>
    </message>
  </context>
  <context>
    <name>PhotoInfo</name>
    <message>
      <source>time zone unknown (the camera's clock)</source>
      <translation>часовой пояс неизвестен (часы камеры)</translation>
    </message>
    <message>
      <source>{n} bytes</source>
      <translation>{n} байт</translation>
    </message>
    <message>
      <source>batch {id}, {date}</source>
      <translation>партия {id}, {date}</translation>
    </message>
    <message>
      <source>Captured</source>
      <translation>Снято</translation>
    </message>
    <message>
      <source>Camera</source>
      <translation>Камера</translation>
    </message>
    <message>
      <source>Lens</source>
      <translation>Объектив</translation>
    </message>
    <message>
      <source>Exposure</source>
      <translation>Экспозиция</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>Размер</translation>
    </message>
    <message>
      <source>File</source>
      <translation>Файл</translation>
    </message>
    <message>
      <source>In the archive</source>
      <translation>В архиве</translation>
    </message>
    <message>
      <source>Imported from</source>
      <translation>Откуда импортирована</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>Импорт</translation>
    </message>
    <message>
      <source>Select one photo to see its facts.</source>
      <translation>Выберите одну фотографию, чтобы увидеть сведения о ней.</translation>
    </message>
    <message>
      <source>No photo</source>
      <translation>Нет фотографии</translation>
    </message>
  </context>
  <context>
    <name>PlaceCommands</name>
    <message>
      <source>The place “{name}” has been removed elsewhere since (from the command line or another window).</source>
      <translation>Место «{name}» с тех пор удалено в другом месте (из командной строки или другого окна).</translation>
    </message>
    <message>
      <source>The place “{name}” has been changed elsewhere since (from the command line or another window).</source>
      <translation>Место «{name}» с тех пор изменено в другом месте (из командной строки или другого окна).</translation>
    </message>
  </context>
  <context>
    <name>PlaceEditor</name>
    <message>
      <source>no field</source>
      <translation>никакое</translation>
    </message>
    <message>
      <source>metres</source>
      <translation>м</translation>
    </message>
    <message>
      <source>one per line: ru: Шумшу</source>
      <translation>по одному в строке: ja: 占守島</translation>
    </message>
    <message>
      <source>ISO 3166 code, e.g. RUS</source>
      <translation>код ISO 3166, напр. RUS</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Название</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Тип</translation>
    </message>
    <message>
      <source>Inside</source>
      <translation>Входит в</translation>
    </message>
    <message>
      <source>Lat, lon, ±m</source>
      <translation>Шир., долг., ±м</translation>
    </message>
    <message>
      <source>Other names</source>
      <translation>Другие названия</translation>
    </message>
    <message>
      <source>GeoNames id</source>
      <translation>ID GeoNames</translation>
    </message>
    <message>
      <source>Wikidata id</source>
      <translation>ID Wikidata</translation>
    </message>
    <message>
      <source>Country code</source>
      <translation>Код страны</translation>
    </message>
    <message>
      <source>Fills IPTC</source>
      <translation>Заполняет IPTC</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>Заметки</translation>
    </message>
    <message>
      <source>Save place</source>
      <translation>Сохранить место</translation>
    </message>
    <message>
      <source>Revert</source>
      <translation>Вернуть</translation>
    </message>
    <message>
      <source>(top level)</source>
      <translation>(верхний уровень)</translation>
    </message>
    <message>
      <source>By kind ({field})</source>
      <translation>По типу ({field})</translation>
    </message>
  </context>
  <context>
    <name>PlaceTreeModel</name>
    <message>
      <source>Place</source>
      <translation>Место</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Тип</translation>
    </message>
    <message>
      <source>Fills</source>
      <translation>Заполняет</translation>
    </message>
    <message>
      <source>Photos</source>
      <translation>Фотографии</translation>
    </message>
    <message>
      <source>building</source>
      <translation>здание</translation>
    </message>
    <message>
      <source>feature</source>
      <translation>объект</translation>
    </message>
    <message>
      <source>site</source>
      <translation>участок</translation>
    </message>
    <message>
      <source>locality</source>
      <translation>населённый пункт</translation>
    </message>
    <message>
      <source>island</source>
      <translation>остров</translation>
    </message>
    <message>
      <source>district</source>
      <translation>район</translation>
    </message>
    <message>
      <source>archipelago</source>
      <translation>архипелаг</translation>
    </message>
    <message>
      <source>region</source>
      <translation>регион</translation>
    </message>
    <message>
      <source>country</source>
      <translation>страна</translation>
    </message>
    <message>
      <source>other</source>
      <translation>другое</translation>
    </message>
    <message>
      <source>sublocation</source>
      <translation>место</translation>
    </message>
    <message>
      <source>city</source>
      <translation>город</translation>
    </message>
    <message>
      <source>state</source>
      <translation>область</translation>
    </message>
  </context>
  <context>
    <name>PlacesPanel</name>
    <message>
      <source>Find a place (any language)</source>
      <translation>Найти место (на любом языке)</translation>
    </message>
    <message>
      <source>Add</source>
      <translation>Добавить</translation>
    </message>
    <message>
      <source>Add a place inside the current one</source>
      <translation>Добавить место внутри текущего</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>Удалить</translation>
    </message>
    <message>
      <source>Remove the current place</source>
      <translation>Удалить текущее место</translation>
    </message>
    <message>
      <source>Assign</source>
      <translation>Назначить</translation>
    </message>
    <message>
      <source>Give the selected photos the current place</source>
      <translation>Назначить выбранным фотографиям текущее место</translation>
    </message>
    <message>
      <source>Clear</source>
      <translation>Снять</translation>
    </message>
    <message>
      <source>Take the place off the selected photos</source>
      <translation>Снять место с выбранных фотографий</translation>
    </message>
    <message>
      <source>Import…</source>
      <translation>Импорт…</translation>
    </message>
    <message>
      <source>Import places from CSV or GeoJSON</source>
      <translation>Импорт мест из CSV или GeoJSON</translation>
    </message>
    <message>
      <source>Export…</source>
      <translation>Экспорт…</translation>
    </message>
    <message>
      <source>Export the gazetteer as CSV or GeoJSON</source>
      <translation>Экспорт справочника мест в CSV или GeoJSON</translation>
    </message>
    <message>
      <source>Suggest…</source>
      <translation>Предложить…</translation>
    </message>
    <message>
      <source>Suggest places for photos with GPS</source>
      <translation>Предложить места для фотографий с GPS</translation>
    </message>
    <message>
      <source>GPX…</source>
      <translation>GPX…</translation>
    </message>
    <message>
      <source>Give the selected photos GPS from a GPX track</source>
      <translation>Задать выбранным фотографиям GPS по треку GPX</translation>
    </message>
    <message>
      <source>New place</source>
      <translation>Новое место</translation>
    </message>
    <message>
      <source>Edit place {name}</source>
      <translation>Изменить место {name}</translation>
    </message>
    <message>
      <source>Remove place</source>
      <translation>Удалить место</translation>
    </message>
    <message>
      <source>{name} holds places or photos. Remove it and move them to the place it is in?</source>
      <translation>В «{name}» есть места или фотографии. Удалить его и перенести их в место, в которое оно входит?</translation>
    </message>
    <message>
      <source>Select some photos first.</source>
      <translation>Сначала выберите фотографии.</translation>
    </message>
    <message numerus="yes">
      <source>Clear the place of %n photo(s)</source>
      <translation>
        <numerusform>Снять место с %n фотографии</numerusform>
        <numerusform>Снять место с %n фотографий</numerusform>
        <numerusform>Снять место с %n фотографий</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Place %n photo(s) at {name}</source>
      <translation>
        <numerusform>Привязать %n фотографию к месту {name}</numerusform>
        <numerusform>Привязать %n фотографии к месту {name}</numerusform>
        <numerusform>Привязать %n фотографий к месту {name}</numerusform>
      </translation>
    </message>
    <message>
      <source>{added} places added, {kept} already there</source>
      <translation>мест добавлено: {added}, уже было: {kept}</translation>
    </message>
    <message>
      <source>Cannot write {path}: {reason}</source>
      <translation>Не удаётся записать {path}: {reason}</translation>
    </message>
    <message>
      <source>Import places</source>
      <translation>Импорт мест</translation>
    </message>
    <message>
      <source>Places (*.csv *.geojson *.json)</source>
      <translation>Места (*.csv *.geojson *.json)</translation>
    </message>
    <message>
      <source>Export places</source>
      <translation>Экспорт мест</translation>
    </message>
    <message>
      <source>GeoJSON (*.geojson);;CSV (*.csv)</source>
      <translation>GeoJSON (*.geojson);;CSV (*.csv)</translation>
    </message>
    <message>
      <source>Select the photos to geotag first.</source>
      <translation>Сначала выберите фотографии для геопривязки.</translation>
    </message>
  </context>
  <context>
    <name>PreviewBuilder</name>
    <message numerus="yes">
      <source>Previews not made: %n photo(s); the first: {reason}</source>
      <translation>
        <numerusform>Превью не созданы: %n фотография; первая: {reason}</numerusform>
        <numerusform>Превью не созданы: %n фотографии; первая: {reason}</numerusform>
        <numerusform>Превью не созданы: %n фотографий; первая: {reason}</numerusform>
      </translation>
    </message>
    <message>
      <source>Previews not made: {reason}</source>
      <translation>Превью не созданы: {reason}</translation>
    </message>
    <message>
      <source>Making previews: {count}…</source>
      <translation>Создание превью: {count}…</translation>
    </message>
  </context>
  <context>
    <name>SelectionController</name>
    <message>
      <source>&amp;Rating</source>
      <translation>&amp;Рейтинг</translation>
    </message>
    <message>
      <source>&amp;Not Rated</source>
      <translation>&amp;Без рейтинга</translation>
    </message>
    <message>
      <source>No Stars</source>
      <translation>Без звёзд</translation>
    </message>
    <message numerus="yes">
      <source>%n Star(s)</source>
      <translation>
        <numerusform>%n звезда</numerusform>
        <numerusform>%n звезды</numerusform>
        <numerusform>%n звёзд</numerusform>
      </translation>
    </message>
    <message>
      <source>Colour &amp;Label</source>
      <translation>Цветовая &amp;метка</translation>
    </message>
    <message>
      <source>No Label</source>
      <translation>Без метки</translation>
    </message>
    <message>
      <source>&amp;Flag</source>
      <translation>&amp;Флажок</translation>
    </message>
    <message>
      <source>&amp;Pick</source>
      <translation>&amp;Выбрать</translation>
    </message>
    <message>
      <source>&amp;Reject</source>
      <translation>О&amp;тклонить</translation>
    </message>
    <message>
      <source>&amp;Unflag</source>
      <translation>&amp;Снять флажок</translation>
    </message>
    <message>
      <source>&amp;Auto-Advance</source>
      <translation>&amp;Автопереход</translation>
    </message>
    <message>
      <source>After a rating, label or flag, select the next photo</source>
      <translation>После рейтинга, метки или флажка выделить следующую фотографию</translation>
    </message>
    <message>
      <source>Select the photos to rate, label or flag first.</source>
      <translation>Сначала выделите фотографии, которым нужен рейтинг, метка или флажок.</translation>
    </message>
  </context>
  <context>
    <name>SmartCollectionDialog</name>
    <message>
      <source>Edit Smart Collection</source>
      <translation>Изменение умной коллекции</translation>
    </message>
    <message>
      <source>New Smart Collection</source>
      <translation>Новая умная коллекция</translation>
    </message>
    <message>
      <source>Capture date</source>
      <translation>Дата съёмки</translation>
    </message>
    <message>
      <source>Import order</source>
      <translation>Порядок импорта</translation>
    </message>
    <message>
      <source>File name</source>
      <translation>Имя файла</translation>
    </message>
    <message>
      <source>Name:</source>
      <translation>Название:</translation>
    </message>
    <message>
      <source>Filter:</source>
      <translation>Фильтр:</translation>
    </message>
    <message>
      <source>Sort by:</source>
      <translation>Сортировка:</translation>
    </message>
    <message>
      <source>A smart collection needs a filter: its photos are those matching it.</source>
      <translation>Умной коллекции нужен фильтр: в ней те фотографии, которые ему соответствуют.</translation>
    </message>
  </context>
  <context>
    <name>SourcesModel</name>
    <message>
      <source>Library</source>
      <translation>Библиотека</translation>
    </message>
    <message>
      <source>Import batches</source>
      <translation>Партии импорта</translation>
    </message>
    <message>
      <source>Collections</source>
      <translation>Коллекции</translation>
    </message>
    <message>
      <source>Keywords</source>
      <translation>Ключевые слова</translation>
    </message>
    <message>
      <source>Places</source>
      <translation>Места</translation>
    </message>
    <message>
      <source>{name}: a smart collection, the photos matching {filter}</source>
      <translation>{name}: умная коллекция, фотографии, подходящие под {filter}</translation>
    </message>
    <message>
      <source>All photos</source>
      <translation>Все фотографии</translation>
    </message>
    <message>
      <source>Needs attention</source>
      <translation>Требуют внимания</translation>
    </message>
    <message>
      <source>{when} (cancelled)</source>
      <translation>{when} (отменён)</translation>
    </message>
    <message>
      <source>{when} (interrupted)</source>
      <translation>{when} (прерван)</translation>
    </message>
  </context>
  <context>
    <name>StructEditors</name>
    <message>
      <source>one, another, …</source>
      <translation>одно, другое, …</translation>
    </message>
    <message>
      <source>More</source>
      <translation>Ещё</translation>
    </message>
    <message>
      <source>Fewer</source>
      <translation>Меньше</translation>
    </message>
    <message numerus="yes">
      <source>More (%n)</source>
      <translation>
        <numerusform>Ещё %n</numerusform>
        <numerusform>Ещё %n</numerusform>
        <numerusform>Ещё %n</numerusform>
      </translation>
    </message>
    <message>
      <source>Add</source>
      <translation>Добавить</translation>
    </message>
    <message>
      <source>Add one more to this field</source>
      <translation>Добавить ещё одну запись в это поле</translation>
    </message>
    <message numerus="yes">
      <source>Other items on %n photo(s) are kept as they are; the items shown are those all share.</source>
      <translation>
        <numerusform>Другие записи на %n фотографии сохраняются как есть; показаны записи, общие для всех.</numerusform>
        <numerusform>Другие записи на %n фотографиях сохраняются как есть; показаны записи, общие для всех.</numerusform>
        <numerusform>Другие записи на %n фотографиях сохраняются как есть; показаны записи, общие для всех.</numerusform>
      </translation>
    </message>
    <message>
      <source>Remove this one</source>
      <translation>Удалить эту запись</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>Удалить</translation>
    </message>
    <message>
      <source>None</source>
      <translation>Нет</translation>
    </message>
  </context>
  <context>
    <name>SuggestionsDialog</name>
    <message>
      <source>Suggested places</source>
      <translation>Предложенные места</translation>
    </message>
    <message>
      <source>Looking for places near the photos…</source>
      <translation>Поиск мест рядом с фотографиями…</translation>
    </message>
    <message>
      <source>Photo</source>
      <translation>Фотография</translation>
    </message>
    <message>
      <source>Suggested place</source>
      <translation>Предложенное место</translation>
    </message>
    <message>
      <source>Distance</source>
      <translation>Расстояние</translation>
    </message>
    <message>
      <source>From</source>
      <translation>Откуда</translation>
    </message>
    <message>
      <source>Accept selected</source>
      <translation>Принять выбранные</translation>
    </message>
    <message>
      <source>Accept all</source>
      <translation>Принять все</translation>
    </message>
    <message>
      <source>Reject selected</source>
      <translation>Отклонить выбранные</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Закрыть</translation>
    </message>
    <message>
      <source>gazetteer</source>
      <translation>справочник мест</translation>
    </message>
    <message>
      <source>GeoNames (new place)</source>
      <translation>GeoNames (новое место)</translation>
    </message>
    <message numerus="yes">
      <source>%n suggestion(s)</source>
      <translation>
        <numerusform>%n предложение</numerusform>
        <numerusform>%n предложения</numerusform>
        <numerusform>%n предложений</numerusform>
      </translation>
    </message>
    <message>
      <source>No suggestions: no photo with GPS is near a known place.</source>
      <translation>Предложений нет: ни одна фотография с GPS не находится рядом с известным местом.</translation>
    </message>
  </context>
  <context>
    <name>TemplateDialog</name>
    <message>
      <source>Put this field in the template</source>
      <translation>Включить это поле в шаблон</translation>
    </message>
    <message>
      <source>separated by commas</source>
      <translation>через запятую</translation>
    </message>
    <message>
      <source>Replace</source>
      <translation>Заменить</translation>
    </message>
    <message>
      <source>Fill if empty</source>
      <translation>Заполнить, если пусто</translation>
    </message>
    <message>
      <source>Append</source>
      <translation>Добавить</translation>
    </message>
    <message>
      <source>Edit template</source>
      <translation>Изменить шаблон</translation>
    </message>
    <message>
      <source>New template</source>
      <translation>Новый шаблон</translation>
    </message>
    <message>
      <source>Name:</source>
      <translation>Название:</translation>
    </message>
    <message>
      <source>Description:</source>
      <translation>Пояснение:</translation>
    </message>
    <message>
      <source>Tick the fields the template sets. Values may use the photo's fields: {creator}, {city}, {date:%Y} (the capture date), {filename}, {sequence:03}. Fill if empty leaves a value the photo already has.</source>
      <translation>Отметьте поля, которые задаёт шаблон. В значениях можно использовать поля фотографии: {creator}, {city}, {date:%Y} (дата съёмки), {filename}, {sequence:03}. «Заполнить, если пусто» оставляет значение, которое у фотографии уже есть.</translation>
    </message>
  </context>
  <context>
    <name>TemplatePreviewDialog</name>
    <message>
      <source>Apply template “{name}”</source>
      <translation>Применить шаблон «{name}»</translation>
    </message>
    <message numerus="yes">
      <source>%n of the selected photos would change.</source>
      <translation>
        <numerusform>Изменится %n из выбранных фотографий.</numerusform>
        <numerusform>Изменятся %n из выбранных фотографий.</numerusform>
        <numerusform>Изменятся %n из выбранных фотографий.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>(%n photo(s) selected)</source>
      <translation>
        <numerusform>(выбрана %n фотография)</numerusform>
        <numerusform>(выбраны %n фотографии)</numerusform>
        <numerusform>(выбрано %n фотографий)</numerusform>
      </translation>
    </message>
    <message>
      <source>Field</source>
      <translation>Поле</translation>
    </message>
    <message>
      <source>Now</source>
      <translation>Сейчас</translation>
    </message>
    <message>
      <source>After</source>
      <translation>После</translation>
    </message>
    <message>
      <source>Changes</source>
      <translation>Изменения</translation>
    </message>
    <message>
      <source>{field} (if empty)</source>
      <translation>{field} (если пусто)</translation>
    </message>
    <message numerus="yes">
      <source>%n photo(s)</source>
      <translation>
        <numerusform>%n фотография</numerusform>
        <numerusform>%n фотографии</numerusform>
        <numerusform>%n фотографий</numerusform>
      </translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>Применить</translation>
    </message>
    <message>
      <source>(multiple values)</source>
      <translation>(разные значения)</translation>
    </message>
    <message>
      <source>(empty)</source>
      <translation>(пусто)</translation>
    </message>
  </context>
  <context>
    <name>Templates</name>
    <message numerus="yes">
      <source>Apply template “{name}” to %n photo(s)</source>
      <translation>
        <numerusform>Применить шаблон «{name}» к %n фотографии</numerusform>
        <numerusform>Применить шаблон «{name}» к %n фотографиям</numerusform>
        <numerusform>Применить шаблон «{name}» к %n фотографиям</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ViewController</name>
    <message>
      <source>S&amp;ort By</source>
      <translation>Сорт&amp;ировка</translation>
    </message>
    <message>
      <source>&amp;Preview</source>
      <translation>&amp;Просмотр</translation>
    </message>
    <message>
      <source>&amp;Next Photo</source>
      <translation>&amp;Следующая фотография</translation>
    </message>
    <message>
      <source>Pre&amp;vious Photo</source>
      <translation>Пр&amp;едыдущая фотография</translation>
    </message>
    <message>
      <source>&amp;All Photos</source>
      <translation>&amp;Все фотографии</translation>
    </message>
    <message>
      <source>Needs A&amp;ttention</source>
      <translation>&amp;Требуют внимания</translation>
    </message>
    <message>
      <source>&amp;Larger Thumbnails</source>
      <translation>&amp;Увеличить миниатюры</translation>
    </message>
    <message>
      <source>&amp;Smaller Thumbnails</source>
      <translation>У&amp;меньшить миниатюры</translation>
    </message>
    <message>
      <source>Select &amp;All</source>
      <translation>Выделить &amp;всё</translation>
    </message>
    <message>
      <source>Select &amp;None</source>
      <translation>&amp;Снять выделение</translation>
    </message>
    <message>
      <source>&amp;Find</source>
      <translation>&amp;Найти</translation>
    </message>
  </context>
  <context>
    <name>WelcomePanel</name>
    <message>
      <source>Welcome to Photo Archive</source>
      <translation>Добро пожаловать в Photo Archive</translation>
    </message>
    <message>
      <source>The archive “{name}” is empty. Import the photos of a day in the field, open an archive you already have, or try everything on a small sample archive first. You can also drop files and folders onto this window.</source>
      <translation>Архив «{name}» пуст. Импортируйте фотографии полевого дня, откройте уже существующий архив или сначала опробуйте всё на небольшом демонстрационном архиве. Файлы и папки можно также перетащить в это окно.</translation>
    </message>
    <message>
      <source>Import photos…</source>
      <translation>Импорт фотографий…</translation>
    </message>
    <message>
      <source>Open archive…</source>
      <translation>Открыть архив…</translation>
    </message>
    <message>
      <source>Create sample archive…</source>
      <translation>Создать демонстрационный архив…</translation>
    </message>
  </context>
</TS>
