<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
  <context>
    <name>AddLanguageDialog</name>
    <message>
      <source>Add a Language</source>
      <translation>言語の追加</translation>
    </message>
    <message>
      <source>Title, headline, caption and alt text can be typed in several languages; the other fields are the same in every language.</source>
      <translation type="vanished">タイトル、見出し、説明、代替テキストは複数の言語で入力できます。そのほかのフィールドはすべての言語で共通です。</translation>
    </message>
    <message>
      <source>These fields can be typed in several languages: {fields}; the other fields are the same in every language.</source>
      <translation>次のフィールドは複数の言語で入力できます: {fields}。そのほかのフィールドはすべての言語で共通です。</translation>
    </message>
    <message>
      <source>ru, ja, en, zh-Hant, pt-BR…</source>
      <translation>ru, ja, en, zh-Hant, pt-BR…</translation>
    </message>
    <message>
      <source>&amp;Language tag:</source>
      <translation>言語タグ(&amp;L):</translation>
    </message>
    <message>
      <source>&amp;Fields so far in:</source>
      <translation>これまでのフィールドの言語(&amp;F):</translation>
    </message>
    <message>
      <source>&amp;Ask for a caption in this language</source>
      <translation>この言語の説明を求める(&amp;A)</translation>
    </message>
    <message>
      <source>Needs attention then lists the photos without one.</source>
      <translation>説明のない写真が「要確認」に表示されます。</translation>
    </message>
    <message>
      <source>&amp;Ask for a caption in it: Needs attention lists the photos without one</source>
      <translation type="vanished">この言語の説明を求める(&amp;A): 説明のない写真を「要確認」に表示</translation>
    </message>
    <message>
      <source>“{text}” is not a language tag: two or three letters of ISO 639, then perhaps a script or a region (en, ru, ja, zh-Hant, pt-BR).</source>
      <translation>「{text}」は言語タグではありません。ISO 639 の 2 文字か 3 文字に、必要なら文字体系か地域を続けます(en、ru、ja、zh-Hant、pt-BR)。</translation>
    </message>
    <message>
      <source>{name} is already one of the archive's languages.</source>
      <translation>{name} はすでにアーカイブの言語です。</translation>
    </message>
    <message>
      <source>The language the fields were typed in (x-default).</source>
      <translation>フィールドが入力された言語(x-default)。</translation>
    </message>
  </context>
  <context>
    <name>App</name>
    <message>
      <source>The archive could not be opened</source>
      <translation>アーカイブを開けませんでした</translation>
    </message>
  </context>
  <context>
    <name>ArchiveController</name>
    <message>
      <source>&amp;Import Photos…</source>
      <translation>写真を読み込む(&amp;I)…</translation>
    </message>
    <message>
      <source>Import &amp;Folder…</source>
      <translation>フォルダーを読み込む(&amp;F)…</translation>
    </message>
    <message>
      <source>&amp;New Archive…</source>
      <translation>新しいアーカイブ(&amp;N)…</translation>
    </message>
    <message>
      <source>&amp;Open Archive…</source>
      <translation>アーカイブを開く(&amp;O)…</translation>
    </message>
    <message>
      <source>Create &amp;Sample Archive…</source>
      <translation>サンプルアーカイブを作成(&amp;S)…</translation>
    </message>
    <message>
      <source>&amp;Export Collection…</source>
      <translation>コレクションを書き出す(&amp;E)…</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>終了(&amp;Q)</translation>
    </message>
    <message>
      <source>&amp;About Photo Archive</source>
      <translation>Photo Archive について(&amp;A)</translation>
    </message>
    <message>
      <source>About &amp;Qt</source>
      <translation>Qt について(&amp;Q)</translation>
    </message>
    <message>
      <source>Import photos</source>
      <translation>写真の読み込み</translation>
    </message>
    <message>
      <source>Photos (*.jpg *.jpeg *.tif *.tiff *.png *.heic *.webp *.dng *.cr2 *.cr3 *.nef *.arw *.orf *.raf *.rw2);;All files (*)</source>
      <translation>写真 (*.jpg *.jpeg *.tif *.tiff *.png *.heic *.webp *.dng *.cr2 *.cr3 *.nef *.arw *.orf *.raf *.rw2);;すべてのファイル (*)</translation>
    </message>
    <message>
      <source>Import a folder of photos</source>
      <translation>写真のフォルダーを読み込む</translation>
    </message>
    <message>
      <source>Importing %v of %m</source>
      <translation>読み込み中 %v / %m</translation>
    </message>
    <message>
      <source>Photos are being imported; File &gt; Import Photos shows the import</source>
      <translation>写真を読み込み中です。ファイル &gt; 写真を読み込む で進行状況を表示します</translation>
    </message>
    <message>
      <source>The template was not applied</source>
      <translation>テンプレートは適用されませんでした</translation>
    </message>
    <message numerus="yes">
      <source>Import finished: %n photo(s) imported.</source>
      <translation>
        <numerusform>読み込み完了: %n 枚の写真を読み込みました。</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Import cancelled: %n photo(s) imported.</source>
      <translation>
        <numerusform>読み込みを中止しました: %n 枚の写真を読み込み済みです。</numerusform>
      </translation>
    </message>
    <message>
      <source>Waiting for the running work to stop; the window then closes.</source>
      <translation>実行中の処理が止まるのを待っています。その後ウィンドウを閉じます。</translation>
    </message>
    <message>
      <source>Cancelling… the window closes when the running work has stopped.</source>
      <translation>中止しています… 実行中の処理が止まるとウィンドウを閉じます。</translation>
    </message>
    <message>
      <source>Quit during an import?</source>
      <translation>読み込み中に終了しますか?</translation>
    </message>
    <message>
      <source>Photos are being imported into this archive.</source>
      <translation>このアーカイブに写真を読み込んでいます。</translation>
    </message>
    <message>
      <source>Cancelling keeps the photos imported so far; the rest can be imported again later (those already in the archive are recognised).</source>
      <translation>中止しても、それまでに読み込んだ写真は残ります。残りは後でもう一度読み込めます(アーカイブにある写真は識別されます)。</translation>
    </message>
    <message>
      <source>Cancel the Import and Quit</source>
      <translation>読み込みを中止して終了</translation>
    </message>
    <message>
      <source>Keep Importing</source>
      <translation>読み込みを続ける</translation>
    </message>
    <message>
      <source>Quit during an export?</source>
      <translation>書き出し中に終了しますか?</translation>
    </message>
    <message>
      <source>A collection is being exported.</source>
      <translation>コレクションを書き出しています。</translation>
    </message>
    <message>
      <source>Cancelling stops the export; nothing of it is kept, and it can be started again later.</source>
      <translation>中止すると書き出しは止まり、何も残りません。後でもう一度始められます。</translation>
    </message>
    <message>
      <source>Cancel the Export and Quit</source>
      <translation>書き出しを中止して終了</translation>
    </message>
    <message>
      <source>Keep Exporting</source>
      <translation>書き出しを続ける</translation>
    </message>
    <message>
      <source>Open an archive folder</source>
      <translation type="vanished">アーカイブのフォルダーを開く</translation>
    </message>
    <message>
      <source>New archive folder</source>
      <translation type="vanished">新しいアーカイブのフォルダー</translation>
    </message>
    <message>
      <source>The archive could not be opened</source>
      <translation>アーカイブを開けませんでした</translation>
    </message>
    <message>
      <source>Stopped connecting to the server.</source>
      <translation>サーバーへの接続を中止しました。</translation>
    </message>
    <message>
      <source>Where to create the sample archive</source>
      <translation>サンプルアーカイブの作成場所</translation>
    </message>
    <message>
      <source>Sample archive %p%</source>
      <translation>サンプルアーカイブ %p%</translation>
    </message>
    <message>
      <source>The sample archive was not created</source>
      <translation>サンプルアーカイブは作成されませんでした</translation>
    </message>
    <message>
      <source>Show a collection first: exports are made from collections.</source>
      <translation>先にコレクションを表示してください。書き出しはコレクションから行います。</translation>
    </message>
    <message>
      <source>About {app}</source>
      <translation>{app} について</translation>
    </message>
    <message>
      <source>&lt;h3&gt;{app} {version}&lt;/h3&gt;&lt;p&gt;Import, caption, credit, place and publish expedition photographs.&lt;/p&gt;&lt;p&gt;Captions, credits and places are kept in the archive's catalog and written into exported files as EXIF, IPTC and XMP.&lt;/p&gt;&lt;p&gt;Licensed under the GNU GPL, version 3 or later.&lt;/p&gt;</source>
      <translation>&lt;h3&gt;{app} {version}&lt;/h3&gt;&lt;p&gt;探検・調査の写真を読み込み、説明とクレジットと場所を付けて公開します。&lt;/p&gt;&lt;p&gt;説明、クレジット、場所はアーカイブのカタログに保存され、書き出したファイルに EXIF、IPTC、XMP として書き込まれます。&lt;/p&gt;&lt;p&gt;GNU GPL バージョン 3 以降のライセンスで提供されます。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>Still connecting to the server of another archive; wait for it.</source>
      <translation>別のアーカイブのサーバーにまだ接続しています。終わるまでお待ちください。</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>キャンセル</translation>
    </message>
    <message>
      <source>Stop waiting for the server; this window stays on its archive</source>
      <translation>サーバーを待つのをやめます。このウィンドウは今のアーカイブのままです</translation>
    </message>
    <message>
      <source>The database {database} already holds the catalog of an archive (photos: {photos}). A new archive needs an empty database; to work on that archive, open its folder with File &gt; Open Archive.</source>
      <translation>データベース {database} にはすでにアーカイブのカタログがあります（写真: {photos}）。新しいアーカイブには空のデータベースが必要です。そのアーカイブで作業するには、ファイル &gt; アーカイブを開く でそのフォルダーを開いてください。</translation>
    </message>
    <message>
      <source>The database {database} holds tables of another program ({tables}); a new archive needs an empty database.</source>
      <translation>データベース {database} には別のプログラムのテーブル（{tables}）があります。新しいアーカイブには空のデータベースが必要です。</translation>
    </message>
    <message>
      <source>Connecting to {host}…</source>
      <translation>{host} に接続しています…</translation>
    </message>
  </context>
  <context>
    <name>AttentionNotice</name>
    <message numerus="yes">
      <source>Needs attention: %n of the selected photos. Select one to see why.</source>
      <translation>
        <numerusform>要確認: 選択した写真のうち %n 枚。理由を見るには 1 枚を選択してください。</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>With a position far from their place: %n photo(s).</source>
      <translation>
        <numerusform>位置が場所から離れている写真: %n 枚。</numerusform>
      </translation>
    </message>
    <message>
      <source>no caption</source>
      <translation>説明がない</translation>
    </message>
    <message>
      <source>no caption in {field}</source>
      <translation>{field}の説明がない</translation>
    </message>
    <message>
      <source>no creator or credit line</source>
      <translation>作成者もクレジットもない</translation>
    </message>
    <message>
      <source>no copyright notice</source>
      <translation>著作権情報がない</translation>
    </message>
    <message>
      <source>a value that does not validate: {field}</source>
      <translation>検証に通らない値: {field}</translation>
    </message>
    <message>
      <source>a position {distance} from its place (a published page would name the place over another spot)</source>
      <translation>位置が場所から {distance} 離れている(公開ページでは別の地点にその地名が表示されます)</translation>
    </message>
    <message>
      <source>{km} km</source>
      <translation>{km} km</translation>
    </message>
    <message>
      <source>The file's standards disagreed on {field}:</source>
      <translation>ファイル内の規格で {field} が食い違っていました:</translation>
    </message>
    <message>
      <source>(kept)</source>
      <translation>(保持)</translation>
    </message>
    <message>
      <source>that is right</source>
      <translation>これで正しい</translation>
    </message>
    <message>
      <source>use this one</source>
      <translation>これを使う</translation>
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
      <translation>XMP サイドカー</translation>
    </message>
  </context>
  <context>
    <name>BackgroundWrites</name>
    <message>
      <source>Sidecars left to write could not be read ({error}).</source>
      <translation>書き込み待ちのサイドカーの一覧を読めませんでした({error})。</translation>
    </message>
    <message>
      <source>The list of sidecars to write could not be saved ({error}).</source>
      <translation>書き込むサイドカーの一覧を保存できませんでした({error})。</translation>
    </message>
    <message>
      <source>The day's backup of the catalog is taken ({name}).</source>
      <translation>本日のカタログのバックアップを作成しました({name})。</translation>
    </message>
    <message>
      <source>The day's backup of the catalog was not taken</source>
      <translation>本日のカタログのバックアップは作成されませんでした</translation>
    </message>
    <message>
      <source>Backing up the catalog…</source>
      <translation>カタログをバックアップ中…</translation>
    </message>
    <message>
      <source>Writing XMP sidecars: {count}…</source>
      <translation>XMP サイドカーを書き込み中: {count}…</translation>
    </message>
    <message>
      <source>⚠ XMP sidecars not written: {count}</source>
      <translation>⚠ 書き込まれていない XMP サイドカー: {count}</translation>
    </message>
    <message numerus="yes">
      <source>Writing %n sidecar(s)…</source>
      <translation type="vanished">
        <numerusform>%n 個のサイドカーを書き込み中…</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>⚠ %n sidecar(s) not written</source>
      <translation type="vanished">
        <numerusform>⚠ 書き込まれていないサイドカー %n 個</numerusform>
      </translation>
    </message>
    <message>
      <source>{reason}
They are written again after the next change.</source>
      <translation>{reason}
次の変更の後にもう一度書き込みます。</translation>
    </message>
  </context>
  <context>
    <name>CollectionBanner</name>
    <message numerus="yes">
      <source>%n photo(s)</source>
      <translation>
        <numerusform>%n 枚の写真</numerusform>
      </translation>
    </message>
    <message>
      <source>captions: {template}</source>
      <translation>説明: {template}</translation>
    </message>
    <message>
      <source>drag photos, or Ctrl+[ and Ctrl+], to change the order of publication</source>
      <translation>写真をドラッグするか Ctrl+[ と Ctrl+] で公開順を変更</translation>
    </message>
    <message>
      <source>sort by Collection order to change the order</source>
      <translation>順序を変えるには「コレクション順」で並べ替えます</translation>
    </message>
    <message>
      <source>Edit texts…</source>
      <translation>テキストを編集…</translation>
    </message>
  </context>
  <context>
    <name>CollectionCommands</name>
    <message>
      <source>The collection “{name}” has been deleted elsewhere since (from the command line or another window).</source>
      <translation>コレクション「{name}」はその後、別の場所(コマンドラインまたは別のウィンドウ)で削除されました。</translation>
    </message>
    <message>
      <source>The photos of “{name}” or their order have been changed elsewhere since (from the command line or another window); going back would undo those changes too.</source>
      <translation>「{name}」の写真またはその順序は、その後別の場所(コマンドラインまたは別のウィンドウ)で変更されました。元に戻すとそれらの変更も取り消されます。</translation>
    </message>
    <message>
      <source>Photos have been added to “{name}” since; undoing its creation deletes the collection with them (the photos stay in the archive).</source>
      <translation>その後「{name}」に写真が追加されました。作成を取り消すと、それらを含めてコレクションが削除されます(写真はアーカイブに残ります)。</translation>
    </message>
    <message>
      <source>“{name}” has been changed elsewhere since; deleting it again loses those changes.</source>
      <translation>「{name}」はその後別の場所で変更されました。もう一度削除するとそれらの変更は失われます。</translation>
    </message>
    <message>
      <source>The name or texts of “{name}” have been changed elsewhere since.</source>
      <translation>「{name}」の名前またはテキストはその後別の場所で変更されました。</translation>
    </message>
    <message>
      <source>The filter or sort order of “{name}” has been changed elsewhere since.</source>
      <translation>「{name}」のフィルターまたは並べ替え順は、その後ほかの場所で変更されています。</translation>
    </message>
    <message>
      <source>{name} (restored)</source>
      <translation>{name}(復元)</translation>
    </message>
  </context>
  <context>
    <name>CollectionController</name>
    <message>
      <source>&amp;Add Selected Photos To</source>
      <translation>選択した写真を追加(&amp;A)</translation>
    </message>
    <message>
      <source>&amp;New Collection…</source>
      <translation>新しいコレクション(&amp;N)…</translation>
    </message>
    <message>
      <source>Add to &amp;Target Collection</source>
      <translation>ターゲットコレクションに追加(&amp;T)</translation>
    </message>
    <message>
      <source>&amp;Remove from Collection</source>
      <translation>コレクションから外す(&amp;R)</translation>
    </message>
    <message>
      <source>Move &amp;Earlier</source>
      <translation>前へ移動(&amp;E)</translation>
    </message>
    <message>
      <source>Move &amp;Later</source>
      <translation>後ろへ移動(&amp;L)</translation>
    </message>
    <message>
      <source>Re&amp;name Collection…</source>
      <translation>コレクション名を変更(&amp;M)…</translation>
    </message>
    <message>
      <source>Collection &amp;Properties…</source>
      <translation>コレクションのプロパティ(&amp;P)…</translation>
    </message>
    <message>
      <source>&amp;Delete Collection…</source>
      <translation>コレクションを削除(&amp;D)…</translation>
    </message>
    <message>
      <source>Add to “{name}”</source>
      <translation>「{name}」に追加</translation>
    </message>
    <message numerus="yes">
      <source>Create collection “{name}” with %n photo(s)</source>
      <translation>
        <numerusform>%n 枚の写真でコレクション「{name}」を作成</numerusform>
      </translation>
    </message>
    <message>
      <source>Create collection “{name}”</source>
      <translation>コレクション「{name}」を作成</translation>
    </message>
    <message>
      <source>The collection was not created</source>
      <translation>コレクションは作成されませんでした</translation>
    </message>
    <message>
      <source>Rename collection</source>
      <translation>コレクション名の変更</translation>
    </message>
    <message>
      <source>New name:</source>
      <translation>新しい名前:</translation>
    </message>
    <message>
      <source>Rename “{old}” to “{new}”</source>
      <translation>「{old}」を「{new}」に名前変更</translation>
    </message>
    <message>
      <source>The collection was not renamed</source>
      <translation>コレクション名は変更されませんでした</translation>
    </message>
    <message>
      <source>Edit the properties of “{name}”</source>
      <translation>「{name}」のプロパティを編集</translation>
    </message>
    <message>
      <source>The collection was not changed</source>
      <translation>コレクションは変更されませんでした</translation>
    </message>
    <message>
      <source>Delete collection</source>
      <translation>コレクションの削除</translation>
    </message>
    <message>
      <source>Delete the collection “{name}”? Its photos stay in the archive, and Edit &gt; Undo brings it back.</source>
      <translation>コレクション「{name}」を削除しますか? 写真はアーカイブに残り、編集 &gt; 元に戻す で復元できます。</translation>
    </message>
    <message>
      <source>Delete collection “{name}”</source>
      <translation>コレクション「{name}」を削除</translation>
    </message>
    <message>
      <source>The collection was not deleted</source>
      <translation>コレクションは削除されませんでした</translation>
    </message>
    <message>
      <source>Already in “{name}”.</source>
      <translation>すでに「{name}」にあります。</translation>
    </message>
    <message numerus="yes">
      <source>Add %n photo(s) to “{name}”</source>
      <translation>
        <numerusform>%n 枚の写真を「{name}」に追加</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Added %n photo(s) to “{name}”.</source>
      <translation>
        <numerusform>%n 枚の写真を「{name}」に追加しました。</numerusform>
      </translation>
    </message>
    <message>
      <source>No target collection yet: create one, or show one, first.</source>
      <translation>ターゲットコレクションがまだありません。先に作成するか表示してください。</translation>
    </message>
    <message numerus="yes">
      <source>Remove %n photo(s) from “{name}”</source>
      <translation>
        <numerusform>%n 枚の写真を「{name}」から外す</numerusform>
      </translation>
    </message>
    <message>
      <source>Reorder “{name}”</source>
      <translation>「{name}」の順序を変更</translation>
    </message>
    <message>
      <source>“{name}” is a smart collection: its photos are those matching “{filter}”.</source>
      <translation>「{name}」はスマートコレクションです。写真は「{filter}」に一致するものです。</translation>
    </message>
  </context>
  <context>
    <name>CollectionDialog</name>
    <message>
      <source>Collection properties</source>
      <translation>コレクションのプロパティ</translation>
    </message>
    <message>
      <source>New collection</source>
      <translation>新しいコレクション</translation>
    </message>
    <message>
      <source>A few paragraphs (Markdown) that open the publication</source>
      <translation>公開物の冒頭に置く数段落(Markdown)</translation>
    </message>
    <message>
      <source>The caption template composes each published caption from the photo's fields; a part in [brackets] is left out when its fields are empty.</source>
      <translation>説明テンプレートは、公開する各説明を写真のフィールドから組み立てます。[角かっこ] 内の部分は、そのフィールドが空なら省かれます。</translation>
    </message>
    <message>
      <source>Name:</source>
      <translation>名前:</translation>
    </message>
    <message>
      <source>Title:</source>
      <translation>タイトル:</translation>
    </message>
    <message>
      <source>Introduction:</source>
      <translation>序文:</translation>
    </message>
    <message>
      <source>Source:</source>
      <translation>提供元:</translation>
    </message>
    <message>
      <source>Caption template:</source>
      <translation>説明テンプレート:</translation>
    </message>
    <message numerus="yes">
      <source>Add the %n selected photo(s)</source>
      <translation>
        <numerusform>選択した %n 枚の写真を追加</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Commands</name>
    <message>
      <source>“{step}” was not undone. {reason} The newer values are kept, and the step is off the undo list.</source>
      <translation>「{step}」は取り消されませんでした。{reason} 新しい値を保持し、この手順は取り消しリストから外しました。</translation>
    </message>
    <message>
      <source>“{step}” was not redone. {reason} The newer values are kept, and the step is off the undo list.</source>
      <translation>「{step}」はやり直されませんでした。{reason} 新しい値を保持し、この手順は取り消しリストから外しました。</translation>
    </message>
  </context>
  <context>
    <name>CompareView</name>
    <message>
      <source>Compare</source>
      <translation>比較</translation>
    </message>
    <message>
      <source>Z or click: 100 % together · drag: pan together · ← → focus · 0-5 stars · 6-9 label · P X U flag · Esc back</source>
      <translation type="vanished">Z またはクリック: すべて 100 % · ドラッグ: まとめて移動 · ← → フォーカス · 0-5 星 · 6-9 ラベル · P X U フラグ · Esc 戻る</translation>
    </message>
    <message>
      <source>Z or click: 100 % together · drag: pan together · ← → focus · 0-5 stars · 6-9 label · P X U flag · A auto-advance · Esc back</source>
      <translation>Z またはクリック: すべて 100 % · ドラッグ: すべてを移動 · ← → 選択 · 0-5 星 · 6-9 ラベル · P X U フラグ · A 自動で次へ · Esc 戻る</translation>
    </message>
    <message>
      <source>Auto-advance</source>
      <translation>自動で次へ</translation>
    </message>
    <message>
      <source>After a rating, label or flag, focus the next photo (A or Caps Lock)</source>
      <translation>レーティング、ラベル、フラグの後に次の写真を選択 (A または Caps Lock)</translation>
    </message>
    <message>
      <source>100 %</source>
      <translation>100 %</translation>
    </message>
    <message>
      <source>100 % of the preview</source>
      <translation>プレビューの 100 %</translation>
    </message>
  </context>
  <context>
    <name>CullController</name>
    <message>
      <source>&amp;Cull</source>
      <translation>カリング(&amp;C)</translation>
    </message>
    <message>
      <source>The grid's photos one at a time, full screen, rated by keys</source>
      <translation>グリッドの写真を1枚ずつ全画面で表示し、キーで評価します</translation>
    </message>
    <message>
      <source>Co&amp;mpare</source>
      <translation>比較(&amp;M)</translation>
    </message>
    <message>
      <source>The selected photos side by side, zoomed together</source>
      <translation>選択した写真を並べて、同じ倍率で表示します</translation>
    </message>
    <message numerus="yes">
      <source>Select 2 to 4 photos to compare them (%n selected)</source>
      <translation>
        <numerusform>比較するには写真を2～4枚選択してください(%n 枚選択中)</numerusform>
      </translation>
    </message>
    <message>
      <source>No photos to cull here.</source>
      <translation>ここにはカリングする写真がありません。</translation>
    </message>
    <message>
      <source>Select 2 to 4 photos to compare them.</source>
      <translation>比較するには写真を2～4枚選択してください。</translation>
    </message>
  </context>
  <context>
    <name>CullView</name>
    <message>
      <source>Culling</source>
      <translation>選別</translation>
    </message>
    <message>
      <source>Auto-advance</source>
      <translation>自動で次へ</translation>
    </message>
    <message>
      <source>After a rating, label or flag, go to the next photo (A or Caps Lock)</source>
      <translation>レーティング・ラベル・フラグの後に次の写真へ進む(A または Caps Lock)</translation>
    </message>
    <message>
      <source>{position} / {count}</source>
      <translation>{position} / {count}</translation>
    </message>
    <message>
      <source>Fitted</source>
      <translation>ウィンドウに合わせる</translation>
    </message>
    <message>
      <source>100 %</source>
      <translation>100 %</translation>
    </message>
    <message>
      <source>100 % of the preview</source>
      <translation>プレビューの 100 %</translation>
    </message>
    <message>
      <source>← → move · Z 100 % · 0-5 stars · 6-9 label · P X U flag · A auto-advance · Esc back</source>
      <translation>← → 移動 · Z 100 % · 0-5 星 · 6-9 ラベル · P X U フラグ · A 自動で次へ · Esc 戻る</translation>
    </message>
    <message>
      <source>No stars</source>
      <translation>星なし</translation>
    </message>
    <message>
      <source>Reading {name}…</source>
      <translation>{name} を読み込み中…</translation>
    </message>
    <message>
      <source>{name} cannot be shown: {reason}</source>
      <translation>{name} を表示できません: {reason}</translation>
    </message>
  </context>
  <context>
    <name>CuratedFields</name>
    <message>
      <source>Caption</source>
      <translation>説明</translation>
    </message>
    <message>
      <source>Headline</source>
      <translation>見出し</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>タイトル</translation>
    </message>
    <message>
      <source>Alt text</source>
      <translation>代替テキスト</translation>
    </message>
    <message>
      <source>Extended description</source>
      <translation>詳細な説明</translation>
    </message>
    <message>
      <source>Keywords</source>
      <translation>キーワード</translation>
    </message>
    <message>
      <source>Hierarchical keywords</source>
      <translation>階層キーワード</translation>
    </message>
    <message>
      <source>Persons shown</source>
      <translation>写っている人物</translation>
    </message>
    <message>
      <source>Digital source type</source>
      <translation>デジタルソースの種類</translation>
    </message>
    <message>
      <source>Artwork or object</source>
      <translation>作品・物品</translation>
    </message>
    <message>
      <source>Image regions</source>
      <translation>画像領域</translation>
    </message>
    <message>
      <source>Creator</source>
      <translation>作成者</translation>
    </message>
    <message>
      <source>Creator's job title</source>
      <translation>作成者の役職</translation>
    </message>
    <message>
      <source>Creator's contact info</source>
      <translation>作成者の連絡先</translation>
    </message>
    <message>
      <source>Contributors</source>
      <translation>協力者</translation>
    </message>
    <message>
      <source>Credit line</source>
      <translation>クレジット</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>提供元</translation>
    </message>
    <message>
      <source>Copyright notice</source>
      <translation>著作権情報</translation>
    </message>
    <message>
      <source>Rights usage terms</source>
      <translation>権利の使用条件</translation>
    </message>
    <message>
      <source>Web statement of rights</source>
      <translation>権利情報の URL</translation>
    </message>
    <message>
      <source>Copyright owners</source>
      <translation>著作権者</translation>
    </message>
    <message>
      <source>Licensors</source>
      <translation>ライセンサー</translation>
    </message>
    <message>
      <source>Model release status</source>
      <translation>モデルリリースの状態</translation>
    </message>
    <message>
      <source>Property release status</source>
      <translation>プロパティリリースの状態</translation>
    </message>
    <message>
      <source>Date created</source>
      <translation>作成日</translation>
    </message>
    <message>
      <source>Event</source>
      <translation>イベント</translation>
    </message>
    <message>
      <source>Event date</source>
      <translation>イベントの日付</translation>
    </message>
    <message>
      <source>Sublocation</source>
      <translation>地区</translation>
    </message>
    <message>
      <source>City</source>
      <translation>市区町村</translation>
    </message>
    <message>
      <source>Province or state</source>
      <translation>都道府県</translation>
    </message>
    <message>
      <source>Country</source>
      <translation>国</translation>
    </message>
    <message>
      <source>Country code</source>
      <translation>国コード</translation>
    </message>
    <message>
      <source>Location created</source>
      <translation>撮影場所</translation>
    </message>
    <message>
      <source>Caption writer</source>
      <translation>説明の作成者</translation>
    </message>
    <message>
      <source>Instructions</source>
      <translation>指示</translation>
    </message>
    <message>
      <source>Job identifier</source>
      <translation>ジョブ識別子</translation>
    </message>
    <message>
      <source>Rating</source>
      <translation>レーティング</translation>
    </message>
    <message>
      <source>Colour label</source>
      <translation>カラーラベル</translation>
    </message>
    <message>
      <source>Red</source>
      <translation>レッド</translation>
    </message>
    <message>
      <source>Yellow</source>
      <translation>イエロー</translation>
    </message>
    <message>
      <source>Green</source>
      <translation>グリーン</translation>
    </message>
    <message>
      <source>Blue</source>
      <translation>ブルー</translation>
    </message>
    <message>
      <source>Purple</source>
      <translation>パープル</translation>
    </message>
    <message>
      <source>Flag</source>
      <translation>フラグ</translation>
    </message>
    <message>
      <source>Pick</source>
      <translation>採用</translation>
    </message>
    <message>
      <source>Reject</source>
      <translation>除外</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>内容</translation>
    </message>
    <message>
      <source>Credit and rights</source>
      <translation>クレジットと権利</translation>
    </message>
    <message>
      <source>Event shown</source>
      <translation>写っているイベント</translation>
    </message>
    <message>
      <source>Location shown</source>
      <translation>写っている場所</translation>
    </message>
    <message>
      <source>Workflow</source>
      <translation>ワークフロー</translation>
    </message>
    <message>
      <source>Selection</source>
      <translation>選別</translation>
    </message>
    <message>
      <source>Original digital capture sampled from real life</source>
      <translation>実写のデジタル撮影</translation>
    </message>
    <message>
      <source>Digitised from a negative on film</source>
      <translation>フィルムのネガからデジタル化</translation>
    </message>
    <message>
      <source>Digitised from a positive on film</source>
      <translation>フィルムのポジからデジタル化</translation>
    </message>
    <message>
      <source>Digitised from a print on non-transparent medium</source>
      <translation>不透明な媒体のプリントからデジタル化</translation>
    </message>
    <message>
      <source>Computational capture</source>
      <translation>コンピュテーショナル撮影</translation>
    </message>
    <message>
      <source>Screen capture</source>
      <translation>スクリーンキャプチャ</translation>
    </message>
    <message>
      <source>Original media with minor human edits</source>
      <translation>人による軽微な編集を加えた原本</translation>
    </message>
    <message>
      <source>Human edits</source>
      <translation>人による編集</translation>
    </message>
    <message>
      <source>Composite of captured elements</source>
      <translation>撮影した要素の合成</translation>
    </message>
    <message>
      <source>Algorithmically-enhanced media</source>
      <translation>アルゴリズムで補正したメディア</translation>
    </message>
    <message>
      <source>Data-driven media</source>
      <translation>データ駆動のメディア</translation>
    </message>
    <message>
      <source>Digital creation</source>
      <translation>デジタル制作</translation>
    </message>
    <message>
      <source>Digital art</source>
      <translation>デジタルアート</translation>
    </message>
    <message>
      <source>Virtual recording</source>
      <translation>仮想空間の記録</translation>
    </message>
    <message>
      <source>Composite including synthetic elements</source>
      <translation>合成要素を含む合成</translation>
    </message>
    <message>
      <source>Trained algorithmic media</source>
      <translation>学習済みモデルによる生成</translation>
    </message>
    <message>
      <source>Composite with trained algorithmic media</source>
      <translation>学習済みモデルの生成物を含む合成</translation>
    </message>
    <message>
      <source>Pure algorithmic media</source>
      <translation>純粋なアルゴリズム生成</translation>
    </message>
    <message>
      <source>Created by software (retired term)</source>
      <translation>ソフトウェアで作成(廃止された用語)</translation>
    </message>
    <message>
      <source>None</source>
      <translation>なし</translation>
    </message>
    <message>
      <source>Not applicable</source>
      <translation>該当なし</translation>
    </message>
    <message>
      <source>Unlimited model releases</source>
      <translation>無制限のモデルリリース</translation>
    </message>
    <message>
      <source>Limited or incomplete model releases</source>
      <translation>制限付きまたは不完全なモデルリリース</translation>
    </message>
    <message>
      <source>Unlimited property releases</source>
      <translation>無制限のプロパティリリース</translation>
    </message>
    <message>
      <source>Limited or incomplete property releases</source>
      <translation>制限付きまたは不完全なプロパティリリース</translation>
    </message>
    <message>
      <source>World region</source>
      <translation>世界の地域</translation>
    </message>
    <message>
      <source>Location name</source>
      <translation>場所の名前</translation>
    </message>
    <message>
      <source>Location identifier</source>
      <translation>場所の識別子</translation>
    </message>
    <message>
      <source>GPS latitude</source>
      <translation>GPS 緯度</translation>
    </message>
    <message>
      <source>GPS longitude</source>
      <translation>GPS 経度</translation>
    </message>
    <message>
      <source>GPS altitude</source>
      <translation>GPS 高度</translation>
    </message>
    <message>
      <source>GPS altitude reference</source>
      <translation>GPS 高度の基準</translation>
    </message>
    <message>
      <source>Creator identifier</source>
      <translation>作者の識別子</translation>
    </message>
    <message>
      <source>Circa date created</source>
      <translation>おおよその制作日</translation>
    </message>
    <message>
      <source>Style period</source>
      <translation>様式・時代</translation>
    </message>
    <message>
      <source>Source inventory number</source>
      <translation>所蔵元の目録番号</translation>
    </message>
    <message>
      <source>Source inventory URL</source>
      <translation>所蔵元の目録 URL</translation>
    </message>
    <message>
      <source>Current copyright owner name</source>
      <translation>現在の著作権者名</translation>
    </message>
    <message>
      <source>Current copyright owner identifier</source>
      <translation>現在の著作権者の識別子</translation>
    </message>
    <message>
      <source>Current licensor name</source>
      <translation>現在のライセンサー名</translation>
    </message>
    <message>
      <source>Current licensor identifier</source>
      <translation>現在のライセンサーの識別子</translation>
    </message>
    <message>
      <source>Content description</source>
      <translation>内容の説明</translation>
    </message>
    <message>
      <source>Contribution description</source>
      <translation>貢献の説明</translation>
    </message>
    <message>
      <source>Physical description</source>
      <translation>物理的な説明</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名前</translation>
    </message>
    <message>
      <source>Identifier</source>
      <translation>識別子</translation>
    </message>
    <message>
      <source>URL</source>
      <translation>URL</translation>
    </message>
    <message>
      <source>Email</source>
      <translation>メール</translation>
    </message>
    <message>
      <source>Address, extended</source>
      <translation>住所(補足)</translation>
    </message>
    <message>
      <source>Street address</source>
      <translation>番地</translation>
    </message>
    <message>
      <source>Region</source>
      <translation>地域</translation>
    </message>
    <message>
      <source>Postal code</source>
      <translation>郵便番号</translation>
    </message>
    <message>
      <source>Telephone 1</source>
      <translation>電話 1</translation>
    </message>
    <message>
      <source>Telephone type 1</source>
      <translation>電話の種類 1</translation>
    </message>
    <message>
      <source>Telephone 2</source>
      <translation>電話 2</translation>
    </message>
    <message>
      <source>Telephone type 2</source>
      <translation>電話の種類 2</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>役割</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>住所</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>電話</translation>
    </message>
    <message>
      <source>Web address</source>
      <translation>ウェブアドレス</translation>
    </message>
  </context>
  <context>
    <name>CuratorDialog</name>
    <message>
      <source>Your Name as Curator</source>
      <translation>キュレーターとしての名前</translation>
    </message>
    <message>
      <source>The edit history records each of your edits with this name. It is kept for you on this computer, not in the archive: every curator of a shared archive sets their own.</source>
      <translation>編集履歴には、あなたの編集がそれぞれこの名前で記録されます。名前はアーカイブではなく、このコンピューターにあなた用として保存されます。共有アーカイブのキュレーターは、それぞれ自分の名前を設定します。</translation>
    </message>
    <message>
      <source>Anna Petrova</source>
      <translation>佐藤 花子</translation>
    </message>
    <message>
      <source>&amp;Your name:</source>
      <translation>名前(&amp;Y):</translation>
    </message>
    <message>
      <source>Your edits are recorded as {name}: the environment variable ${variable} names you, and it comes before this setting. Unset it to use the name here.</source>
      <translation>あなたの編集は {name} として記録されます。環境変数 ${variable} がこの名前を指定しており、この設定より優先されます。ここで設定した名前を使うには、その変数を削除してください。</translation>
    </message>
    <message>
      <source>Your edits are recorded as {name}. An empty name forgets it.</source>
      <translation>あなたの編集は {name} として記録されます。名前を空にすると、設定は消去されます。</translation>
    </message>
    <message>
      <source>No name set: your edits are recorded as {name} (the database role on a server, else your login name).</source>
      <translation>名前が設定されていません。あなたの編集は {name} として記録されます(サーバーではデータベースのロール、それ以外ではログイン名)。</translation>
    </message>
    <message>
      <source>A name cannot hold control characters.</source>
      <translation>名前に制御文字は使えません。</translation>
    </message>
    <message>
      <source>A name of at most {most} characters, not {count}.</source>
      <translation>名前は {most} 文字以内にしてください(現在 {count} 文字)。</translation>
    </message>
  </context>
  <context>
    <name>EditController</name>
    <message>
      <source>&amp;Undo</source>
      <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>やり直し(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Undo {what}</source>
      <translation>元に戻す: {what}(&amp;U)</translation>
    </message>
    <message>
      <source>&amp;Redo {what}</source>
      <translation>やり直し: {what}(&amp;R)</translation>
    </message>
    <message>
      <source>Apply &amp;Template</source>
      <translation>テンプレートを適用(&amp;T)</translation>
    </message>
    <message>
      <source>&amp;Copy Metadata</source>
      <translation>メタデータをコピー(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Paste Metadata…</source>
      <translation>メタデータを貼り付け(&amp;P)…</translation>
    </message>
    <message>
      <source>Edit &amp;Caption</source>
      <translation>説明を編集(&amp;D)</translation>
    </message>
    <message>
      <source>Undo</source>
      <translation>元に戻す</translation>
    </message>
    <message>
      <source>Undo “{step}”?</source>
      <translation>「{step}」を元に戻しますか?</translation>
    </message>
    <message>
      <source>“{step}” cannot be undone.</source>
      <translation>「{step}」は元に戻せません。</translation>
    </message>
    <message>
      <source>Undoing it now would replace those newer values.</source>
      <translation>いま元に戻すと、それらの新しい値が置き換えられます。</translation>
    </message>
    <message>
      <source>Undo Anyway</source>
      <translation>それでも元に戻す</translation>
    </message>
    <message>
      <source>Redo</source>
      <translation>やり直し</translation>
    </message>
    <message>
      <source>Redo “{step}”?</source>
      <translation>「{step}」をやり直しますか?</translation>
    </message>
    <message>
      <source>“{step}” cannot be redone.</source>
      <translation>「{step}」はやり直せません。</translation>
    </message>
    <message>
      <source>Redoing it now would replace those newer values.</source>
      <translation>いまやり直すと、それらの新しい値が置き換えられます。</translation>
    </message>
    <message>
      <source>Redo Anyway</source>
      <translation>それでもやり直す</translation>
    </message>
    <message>
      <source>Keep the Newer Values</source>
      <translation>新しい値を保持</translation>
    </message>
    <message>
      <source>Nothing is changed, and the step is taken off the undo list</source>
      <translation>何も変更せず、この手順を取り消しリストから外します</translation>
    </message>
    <message>
      <source>Copied the metadata of one photo: Paste Metadata puts chosen fields on others.</source>
      <translation>1 枚の写真のメタデータをコピーしました。「メタデータを貼り付け」で選んだフィールドを他の写真に付けます。</translation>
    </message>
    <message>
      <source>Copy the metadata of a photo first (Edit &gt; Copy Metadata).</source>
      <translation>先に写真のメタデータをコピーしてください(編集 &gt; メタデータをコピー)。</translation>
    </message>
    <message numerus="yes">
      <source>Paste metadata onto %n photo(s)</source>
      <translation>
        <numerusform>%n 枚の写真にメタデータを貼り付け</numerusform>
      </translation>
    </message>
    <message>
      <source>The change was not made</source>
      <translation>変更は行われませんでした</translation>
    </message>
    <message>
      <source>(no templates yet)</source>
      <translation>(テンプレートはまだありません)</translation>
    </message>
    <message>
      <source>New Template…</source>
      <translation>新しいテンプレート…</translation>
    </message>
    <message>
      <source>Edit Template</source>
      <translation>テンプレートを編集</translation>
    </message>
    <message>
      <source>Select the photos to apply the template to.</source>
      <translation>テンプレートを適用する写真を選択してください。</translation>
    </message>
    <message>
      <source>The template was not applied</source>
      <translation>テンプレートは適用されませんでした</translation>
    </message>
    <message>
      <source>The template was not saved</source>
      <translation>テンプレートは保存されませんでした</translation>
    </message>
    <message>
      <source>Template “{name}” saved.</source>
      <translation>テンプレート「{name}」を保存しました。</translation>
    </message>
  </context>
  <context>
    <name>EditorLanguages</name>
    <message>
      <source>{label} (all languages)</source>
      <translation>{label}(全言語)</translation>
    </message>
    <message>
      <source>{title} (all languages)</source>
      <translation>{title}(全言語)</translation>
    </message>
    <message>
      <source>{language}, read-only</source>
      <translation>{language}(読み取り専用)</translation>
    </message>
  </context>
  <context>
    <name>Errors</name>
    <message>
      <source>tick “Replace an earlier export in that folder”</source>
      <translation>「このフォルダーの以前の書き出しを置き換える」にチェックを入れ</translation>
    </message>
    <message>
      <source> to replace it</source>
      <translation>て置き換えてください</translation>
    </message>
    <message>
      <source>so it is never replaced</source>
      <translation>そのため置き換えられることはありません</translation>
    </message>
    <message>
      <source> to replace them</source>
      <translation>て置き換えてください</translation>
    </message>
    <message>
      <source>Something went wrong</source>
      <translation>問題が発生しました</translation>
    </message>
    <message>
      <source>Photo Archive ran into a problem it did not expect ({what}). Your work so far is saved in the catalog. The details are in {log}.</source>
      <translation>Photo Archive で予期しない問題が起きました({what})。ここまでの作業はカタログに保存されています。詳細は {log} にあります。</translation>
    </message>
    <message>
      <source>the catalog's server: {error}</source>
      <translation>カタログのサーバー: {error}</translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message>
      <source>Export “{title}”</source>
      <translation>「{title}」の書き出し</translation>
    </message>
    <message>
      <source>Web gallery (a folder that works offline and on any web server)</source>
      <translation>Web ギャラリー(オフラインでもどの Web サーバーでも動くフォルダー)</translation>
    </message>
    <message>
      <source>Package for a publisher or an archive (full files with captions inside)</source>
      <translation>出版社・アーカイブ向けパッケージ(説明を埋め込んだフルサイズのファイル)</translation>
    </message>
    <message>
      <source>Blog post (HTML and Markdown with the images)</source>
      <translation>ブログ記事(画像付きの HTML と Markdown)</translation>
    </message>
    <message>
      <source>The folder to create</source>
      <translation>作成するフォルダー</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>選択…</translation>
    </message>
    <message>
      <source>Original size</source>
      <translation>元のサイズ</translation>
    </message>
    <message>
      <source>Exact coordinates</source>
      <translation>正確な座標</translation>
    </message>
    <message>
      <source>Coordinates rounded to about 1 km</source>
      <translation>約 1 km に丸めた座標</translation>
    </message>
    <message>
      <source>Coordinates rounded to about 10 km</source>
      <translation>約 10 km に丸めた座標</translation>
    </message>
    <message>
      <source>Place names only, no coordinates</source>
      <translation>地名のみ(座標なし)</translation>
    </message>
    <message>
      <source>No location at all</source>
      <translation>位置情報なし</translation>
    </message>
    <message>
      <source>All curated fields</source>
      <translation>すべての管理フィールド</translation>
    </message>
    <message>
      <source>Only credit and copyright</source>
      <translation>クレジットと著作権のみ</translation>
    </message>
    <message>
      <source>None</source>
      <translation>なし</translation>
    </message>
    <message>
      <source>Keep camera serial numbers and the owner's name</source>
      <translation>カメラのシリアル番号と所有者名を残す</translation>
    </message>
    <message>
      <source>e.g. © {creator} (empty: no credit on the image)</source>
      <translation>例: © {creator}(空欄: 画像にクレジットを入れない)</translation>
    </message>
    <message>
      <source>One ZIP file</source>
      <translation>1 つの ZIP ファイル</translation>
    </message>
    <message>
      <source>Replace an earlier export in that folder</source>
      <translation>このフォルダーの以前の書き出しを置き換える</translation>
    </message>
    <message>
      <source>The language of the captions, titles, place names and the page's own words; a photo without text in it shows the default language's. Several languages: a folder each, linked together.</source>
      <translation>キャプション、タイトル、地名、ページ自体の文言の言語です。この言語のテキストがない写真には既定の言語のテキストが表示されます。複数の言語を選ぶと、言語ごとのフォルダーを作り、互いにリンクします。</translation>
    </message>
    <message>
      <source>The archive's default language</source>
      <translation>アーカイブの既定の言語</translation>
    </message>
    <message>
      <source>Every language: {tags} (a folder each)</source>
      <translation>すべての言語: {tags}（言語ごとにフォルダー）</translation>
    </message>
    <message>
      <source>Format:</source>
      <translation>形式:</translation>
    </message>
    <message>
      <source>Export to:</source>
      <translation>書き出し先:</translation>
    </message>
    <message>
      <source>Long edge:</source>
      <translation>長辺:</translation>
    </message>
    <message>
      <source>JPEG quality:</source>
      <translation>JPEG 画質:</translation>
    </message>
    <message>
      <source>Thumbnails:</source>
      <translation>サムネイル:</translation>
    </message>
    <message>
      <source>Language:</source>
      <translation>言語:</translation>
    </message>
    <message>
      <source>Location:</source>
      <translation>位置情報:</translation>
    </message>
    <message>
      <source>Metadata in the images:</source>
      <translation>画像内のメタデータ:</translation>
    </message>
    <message>
      <source>Credit on the image:</source>
      <translation>画像上のクレジット:</translation>
    </message>
    <message>
      <source>File names:</source>
      <translation>ファイル名:</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>書き出し</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>キャンセル</translation>
    </message>
    <message>
      <source>Open Folder</source>
      <translation>フォルダーを開く</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>閉じる</translation>
    </message>
    <message>
      <source>The options of the last export of this collection.</source>
      <translation>このコレクションを前回書き出したときの設定です。</translation>
    </message>
    <message>
      <source>Export into which folder?</source>
      <translation>どのフォルダーに書き出しますか?</translation>
    </message>
    <message>
      <source>Choose the folder to export to.</source>
      <translation>書き出し先のフォルダーを選択してください。</translation>
    </message>
    <message>
      <source>Not exported: select the photos and set their credit in the editor.</source>
      <translation>書き出していません。写真を選択し、エディターでクレジットを設定してください。</translation>
    </message>
    <message>
      <source>%v of %m</source>
      <translation>%v / %m</translation>
    </message>
    <message>
      <source>Exporting…</source>
      <translation>書き出し中…</translation>
    </message>
    <message>
      <source>Credit missing</source>
      <translation>クレジットがありません</translation>
    </message>
    <message numerus="yes">
      <source>%n photo(s) of this collection would be published without a proper credit.</source>
      <translation>
        <numerusform>このコレクションの %n 枚の写真が、適切なクレジットなしで公開されます。</numerusform>
      </translation>
    </message>
    <message>
      <source>… and {count} more (Show Details)</source>
      <translation>… ほか {count} 件(詳細を表示)</translation>
    </message>
    <message>
      <source>Select the photos and set their credit in the editor, or export them as they are.</source>
      <translation>写真を選択してエディターでクレジットを設定するか、そのまま書き出してください。</translation>
    </message>
    <message>
      <source>Export Anyway</source>
      <translation>それでも書き出す</translation>
    </message>
    <message>
      <source>Cancelling… the photos in progress are finished first, then nothing is kept.</source>
      <translation>中止しています… 処理中の写真を終えてから、何も残さずに止めます。</translation>
    </message>
    <message>
      <source>Exporting {name}</source>
      <translation>書き出し中: {name}</translation>
    </message>
    <message>
      <source>Export cancelled; nothing was written.</source>
      <translation>書き出しを中止しました。何も書き込まれていません。</translation>
    </message>
    <message numerus="yes">
      <source>%n photo(s) exported to {target}.</source>
      <translation>
        <numerusform>%n 枚の写真を {target} に書き出しました。</numerusform>
      </translation>
    </message>
    <message>
      <source>{count} could not be exported (listed below).</source>
      <translation>{count} 件を書き出せませんでした(下の一覧)。</translation>
    </message>
    <message numerus="yes">
      <source>{language}: %n photo(s) with no text in this language show the default language's.</source>
      <translation>
        <numerusform>{language}: この言語のテキストがない写真 %n 枚は既定の言語のテキストで表示されます。</numerusform>
      </translation>
    </message>
    <message>
      <source>The export failed and nothing was written: {reason}</source>
      <translation>書き出しに失敗し、何も書き込まれていません: {reason}</translation>
    </message>
  </context>
  <context>
    <name>FieldEditors</name>
    <message>
      <source>(multiple values)</source>
      <translation>(複数の値)</translation>
    </message>
    <message>
      <source>{bytes} bytes: longer than the {limit} bytes that IPTC IIM holds; IIM gets a shortened copy, XMP and EXIF the whole text</source>
      <translation>{bytes} バイト: IPTC IIM に入る {limit} バイトを超えています。IIM には短縮版、XMP と EXIF には全文が入ります</translation>
    </message>
    <message>
      <source>{chars} characters · {bytes} / {limit} IIM bytes</source>
      <translation>{chars} 文字 · IIM {bytes} / {limit} バイト</translation>
    </message>
    <message>
      <source>Longer than IPTC IIM allows: IIM gets a shortened copy, XMP and EXIF the whole caption.</source>
      <translation>IPTC IIM の上限を超えています。IIM には短縮版、XMP と EXIF には説明の全文が入ります。</translation>
    </message>
    <message>
      <source>keyword, keyword, …</source>
      <translation>キーワード, キーワード, …</translation>
    </message>
    <message>
      <source>name; name; …</source>
      <translation>名前; 名前; …</translation>
    </message>
    <message>
      <source>50.7153, 156.2547 or 50°42'55"N 156°15'17"E</source>
      <translation>50.7153, 156.2547 または 50°42'55"N 156°15'17"E</translation>
    </message>
    <message>
      <source>Not rated</source>
      <translation>評価なし</translation>
    </message>
    <message>
      <source>None</source>
      <translation>なし</translation>
    </message>
    <message>
      <source>{uri} (not in the vocabulary)</source>
      <translation>{uri}(語彙にない値)</translation>
    </message>
    <message>
      <source>Fill from place…</source>
      <translation>場所から入力…</translation>
    </message>
    <message>
      <source>1945-08-18, or 2015-08-10T09:00:00+11:00</source>
      <translation>1945-08-18 または 2015-08-10T09:00:00+11:00</translation>
    </message>
    <message>
      <source>1945-08-18, or 1945-08-18/1945-08-23</source>
      <translation>1945-08-18 または 1945-08-18/1945-08-23</translation>
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
      <translation>レーティング以上</translation>
    </message>
    <message>
      <source>Any rating</source>
      <translation>すべてのレーティング</translation>
    </message>
    <message>
      <source>Colour label: {label} (several: any of them)</source>
      <translation>カラーラベル: {label}(複数ならいずれか)</translation>
    </message>
    <message>
      <source>Flag</source>
      <translation>フラグ</translation>
    </message>
    <message>
      <source>Any flag</source>
      <translation>すべてのフラグ</translation>
    </message>
    <message>
      <source>Picks</source>
      <translation>採用</translation>
    </message>
    <message>
      <source>Rejects</source>
      <translation>除外</translation>
    </message>
    <message>
      <source>Unflagged</source>
      <translation>フラグなし</translation>
    </message>
    <message>
      <source>Has or lacks</source>
      <translation>あり・なし</translation>
    </message>
    <message>
      <source>Caption: either</source>
      <translation>説明: どちらでも</translation>
    </message>
    <message>
      <source>With caption</source>
      <translation>説明あり</translation>
    </message>
    <message>
      <source>Without caption</source>
      <translation>説明なし</translation>
    </message>
    <message>
      <source>Credit: either</source>
      <translation>クレジット: どちらでも</translation>
    </message>
    <message>
      <source>With credit</source>
      <translation>クレジットあり</translation>
    </message>
    <message>
      <source>Without credit</source>
      <translation>クレジットなし</translation>
    </message>
    <message>
      <source>Place: either</source>
      <translation>場所: どちらでも</translation>
    </message>
    <message>
      <source>With place</source>
      <translation>場所あり</translation>
    </message>
    <message>
      <source>Without place</source>
      <translation>場所なし</translation>
    </message>
    <message>
      <source>GPS: either</source>
      <translation>GPS: どちらでも</translation>
    </message>
    <message>
      <source>With GPS</source>
      <translation>GPS あり</translation>
    </message>
    <message>
      <source>Without GPS</source>
      <translation>GPS なし</translation>
    </message>
    <message>
      <source>From date</source>
      <translation>開始日</translation>
    </message>
    <message>
      <source>To date</source>
      <translation>終了日</translation>
    </message>
    <message>
      <source>Capture date: a day (2015-08-10), a month (2015-08) or a year (2015)</source>
      <translation>撮影日: 日(2015-08-10)、月(2015-08)、または年(2015)</translation>
    </message>
    <message>
      <source>Camera</source>
      <translation>カメラ</translation>
    </message>
    <message>
      <source>Keyword</source>
      <translation>キーワード</translation>
    </message>
    <message>
      <source>Place (and inside)</source>
      <translation>場所(下位含む)</translation>
    </message>
    <message>
      <source>Hide rejects</source>
      <translation>除外を隠す</translation>
    </message>
    <message>
      <source>Clear</source>
      <translation>クリア</translation>
    </message>
    <message>
      <source>Clear the filter</source>
      <translation>フィルターを解除</translation>
    </message>
    <message>
      <source>Save as Smart Collection…</source>
      <translation>スマートコレクションとして保存…</translation>
    </message>
    <message>
      <source>Filter</source>
      <translation>フィルター</translation>
    </message>
    <message>
      <source>Filter:</source>
      <translation>フィルター:</translation>
    </message>
    <message>
      <source>Has / lacks ({count})</source>
      <translation>あり・なし({count})</translation>
    </message>
    <message>
      <source>Has / lacks</source>
      <translation>あり・なし</translation>
    </message>
    <message>
      <source>no filter</source>
      <translation type="vanished">フィルターなし</translation>
    </message>
    <message>
      <source>The filter, as photoarchive list --filter reads it:
{text}</source>
      <translation>photoarchive list --filter が読む形のフィルター:
{text}</translation>
    </message>
  </context>
  <context>
    <name>FilterController</name>
    <message>
      <source>Save Filter as S&amp;mart Collection…</source>
      <translation>フィルターをスマートコレクションとして保存(&amp;S)…</translation>
    </message>
    <message>
      <source>Edit Smart Collection &amp;Filter…</source>
      <translation>スマートコレクションのフィルターを編集(&amp;F)…</translation>
    </message>
    <message>
      <source>Add &amp;Matching Photos to Collection…</source>
      <translation>一致する写真をコレクションに追加(&amp;G)…</translation>
    </message>
    <message numerus="yes">
      <source> · %n reject(s) hidden</source>
      <translation>
        <numerusform> · 除外 %n 枚を非表示</numerusform>
      </translation>
    </message>
    <message>
      <source>Create smart collection “{name}”</source>
      <translation>スマートコレクション「{name}」を作成</translation>
    </message>
    <message>
      <source>The smart collection was not created</source>
      <translation>スマートコレクションは作成されませんでした</translation>
    </message>
    <message>
      <source>Edit the filter of “{name}”</source>
      <translation>「{name}」のフィルターの編集</translation>
    </message>
    <message>
      <source>The smart collection was not changed</source>
      <translation>スマートコレクションは変更されませんでした</translation>
    </message>
    <message>
      <source>There is no ordinary collection to add the photos to.</source>
      <translation>写真を追加できる通常のコレクションがありません。</translation>
    </message>
    <message>
      <source>Add matching photos</source>
      <translation>一致する写真の追加</translation>
    </message>
    <message>
      <source>Collection:</source>
      <translation>コレクション:</translation>
    </message>
    <message numerus="yes">
      <source>Add %n matching photo(s) to “{name}”</source>
      <translation>
        <numerusform>一致する %n 枚の写真を「{name}」に追加</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>GeotagDialog</name>
    <message>
      <source>before track</source>
      <translation>トラックの前</translation>
    </message>
    <message>
      <source>after track</source>
      <translation>トラックの後</translation>
    </message>
    <message>
      <source>gap</source>
      <translation>途切れ</translation>
    </message>
    <message>
      <source>no time</source>
      <translation>時刻なし</translation>
    </message>
    <message>
      <source>no zone</source>
      <translation>タイムゾーンなし</translation>
    </message>
    <message>
      <source>Geotag from a GPX track</source>
      <translation>GPX トラックからジオタグ付け</translation>
    </message>
    <message>
      <source>Browse…</source>
      <translation>参照…</translation>
    </message>
    <message>
      <source> s</source>
      <translation> 秒</translation>
    </message>
    <message>
      <source>Seconds to add to the camera's clock (+120 if it was 2 minutes slow)</source>
      <translation>カメラの時計に加える秒数(2 分遅れていたなら +120)</translation>
    </message>
    <message>
      <source>Time zone of the camera clock, for capture times recorded without one</source>
      <translation>カメラの時計のタイムゾーン(タイムゾーンなしで記録された撮影時刻に使用)</translation>
    </message>
    <message>
      <source>Choose a GPX file.</source>
      <translation>GPX ファイルを選択してください。</translation>
    </message>
    <message>
      <source>Photo</source>
      <translation>写真</translation>
    </message>
    <message>
      <source>Time (UTC)</source>
      <translation>時刻(UTC)</translation>
    </message>
    <message>
      <source>Position</source>
      <translation>位置</translation>
    </message>
    <message>
      <source>Match</source>
      <translation>照合する</translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>適用</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>閉じる</translation>
    </message>
    <message>
      <source>GPX file</source>
      <translation>GPX ファイル</translation>
    </message>
    <message>
      <source>Camera clock offset</source>
      <translation>カメラの時計のずれ</translation>
    </message>
    <message>
      <source>Camera time zone</source>
      <translation>カメラのタイムゾーン</translation>
    </message>
    <message>
      <source>GPX track</source>
      <translation>GPX トラック</translation>
    </message>
    <message>
      <source>GPX tracks (*.gpx)</source>
      <translation>GPX トラック (*.gpx)</translation>
    </message>
    <message numerus="yes">
      <source>{matched} of %n photo(s) matched; the others are reported, not guessed.</source>
      <translation>
        <numerusform>%n 枚中 {matched} 枚を照合しました。残りは推測せずに報告します。</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Positions written for %n photo(s).</source>
      <translation>
        <numerusform>%n 枚の写真に位置を書き込みました。</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>GridBar</name>
    <message>
      <source>Search captions, places, names… (any script)</source>
      <translation>説明・場所・名前を検索(どの文字でも)</translation>
    </message>
    <message>
      <source>Sort order</source>
      <translation>並び順</translation>
    </message>
    <message>
      <source>Capture date</source>
      <translation>撮影日</translation>
    </message>
    <message>
      <source>Import order</source>
      <translation>読み込み順</translation>
    </message>
    <message>
      <source>File name</source>
      <translation>ファイル名</translation>
    </message>
    <message>
      <source>Collection order</source>
      <translation>コレクション順</translation>
    </message>
    <message>
      <source>Thumbnail size</source>
      <translation>サムネイルのサイズ</translation>
    </message>
    <message>
      <source>Thumbnail size (Ctrl++ and Ctrl+-)</source>
      <translation>サムネイルのサイズ(Ctrl++ と Ctrl+-)</translation>
    </message>
    <message>
      <source>Sort:</source>
      <translation>並べ替え:</translation>
    </message>
    <message>
      <source>Size:</source>
      <translation>サイズ:</translation>
    </message>
    <message numerus="yes">
      <source>%Ln photo(s)</source>
      <translation>
        <numerusform>%Ln 枚の写真</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{shown} of %Ln</source>
      <translation>
        <numerusform>{shown} / %Ln</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ImageRegions</name>
    <message>
      <source>rectangle</source>
      <comment>shape of an image region</comment>
      <translation>長方形</translation>
    </message>
    <message>
      <source>circle</source>
      <comment>shape of an image region</comment>
      <translation>円</translation>
    </message>
    <message>
      <source>polygon</source>
      <comment>shape of an image region</comment>
      <translation>多角形</translation>
    </message>
    <message>
      <source>pixel</source>
      <comment>unit of an image region's boundary</comment>
      <translation>ピクセル</translation>
    </message>
    <message>
      <source>relative</source>
      <comment>unit of an image region's boundary</comment>
      <translation>相対</translation>
    </message>
    <message>
      <source>roles</source>
      <translation>役割</translation>
    </message>
    <message>
      <source>content types</source>
      <translation>内容の種類</translation>
    </message>
    <message>
      <source>persons</source>
      <translation>人物</translation>
    </message>
  </context>
  <context>
    <name>ImportDialog</name>
    <message>
      <source>Import photos</source>
      <translation>写真の読み込み</translation>
    </message>
    <message>
      <source>Looking for photos…</source>
      <translation>写真を探しています…</translation>
    </message>
    <message>
      <source>None</source>
      <translation>なし</translation>
    </message>
    <message>
      <source>Fields of this template are given to every photo imported</source>
      <translation>このテンプレートのフィールドを、読み込むすべての写真に付けます</translation>
    </message>
    <message>
      <source>Apply template:</source>
      <translation>テンプレートを適用:</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>読み込み</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>キャンセル</translation>
    </message>
    <message>
      <source>Continue in Background</source>
      <translation>バックグラウンドで続行</translation>
    </message>
    <message>
      <source>Hide this window; the import goes on, with its progress in the status bar</source>
      <translation>このウィンドウを隠します。読み込みは続き、進行状況はステータスバーに表示されます</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>閉じる</translation>
    </message>
    <message>
      <source>Copy List</source>
      <translation>一覧をコピー</translation>
    </message>
    <message>
      <source>Copy the files that were not imported, with the reasons</source>
      <translation>読み込まれなかったファイルを理由とともにコピー</translation>
    </message>
    <message numerus="yes">
      <source>Found %n photo(s)</source>
      <translation>
        <numerusform>%n 枚の写真が見つかりました</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>in %n folder(s).</source>
      <translation>
        <numerusform>(%n 個のフォルダー)。</numerusform>
      </translation>
    </message>
    <message>
      <source>No photos were found there.</source>
      <translation>そこには写真が見つかりませんでした。</translation>
    </message>
    <message numerus="yes">
      <source>%n file(s) will not be imported (listed below).</source>
      <translation>
        <numerusform>%n 個のファイルは読み込まれません(下の一覧)。</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>… and %n more</source>
      <translation>
        <numerusform>… ほか %n 件</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Importing %n photo(s)…</source>
      <translation>
        <numerusform>%n 枚の写真を読み込み中…</numerusform>
      </translation>
    </message>
    <message>
      <source>Files already in the archive and files that fail are listed below as they come.</source>
      <translation>アーカイブにすでにあるファイルと失敗したファイルは、見つかり次第下に表示されます。</translation>
    </message>
    <message>
      <source>%v of %m</source>
      <translation>%v / %m</translation>
    </message>
    <message>
      <source>Starting the import…</source>
      <translation>読み込みを開始しています…</translation>
    </message>
    <message>
      <source>Cancel Import</source>
      <translation>読み込みを中止</translation>
    </message>
    <message>
      <source>Cancelling… the files in progress are finished first.</source>
      <translation>中止しています… 処理中のファイルを先に終えます。</translation>
    </message>
    <message>
      <source>= {path}: already in the archive</source>
      <translation>= {path}: すでにアーカイブにあります</translation>
    </message>
    <message>
      <source>Import cancelled.</source>
      <translation>読み込みを中止しました。</translation>
    </message>
    <message>
      <source>Import complete.</source>
      <translation>読み込みが完了しました。</translation>
    </message>
    <message numerus="yes">
      <source>%n photo(s) imported</source>
      <translation>
        <numerusform>%n 枚の写真を読み込みました</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n already in the archive</source>
      <translation>
        <numerusform>%n 枚はすでにアーカイブにあります</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n failed</source>
      <translation>
        <numerusform>%n 件失敗</numerusform>
      </translation>
    </message>
    <message>
      <source>The template “{name}” is applied to them.</source>
      <translation>これらにテンプレート「{name}」を適用しました。</translation>
    </message>
    <message>
      <source>Every file was imported.</source>
      <translation>すべてのファイルを読み込みました。</translation>
    </message>
    <message>
      <source>Took {time}.</source>
      <translation>所要時間 {time}。</translation>
    </message>
    <message>
      <source>The import could not run: {reason}</source>
      <translation>読み込みを実行できませんでした: {reason}</translation>
    </message>
    <message>
      <source>Already in the archive (not imported again):</source>
      <translation>すでにアーカイブにあるもの(再読み込みしません):</translation>
    </message>
    <message>
      <source>Not imported:</source>
      <translation>読み込まれなかったもの:</translation>
    </message>
    <message>
      <source>Imported, with a warning:</source>
      <translation>警告付きで読み込んだもの:</translation>
    </message>
    <message>
      <source>To correct them: show Needs attention (Ctrl+2) in the sources, select the photos and set the field in the editor.</source>
      <translation>修正するには: ソースで「要確認」(Ctrl+2)を表示し、写真を選択してエディターでフィールドを設定します。</translation>
    </message>
    <message>
      <source>Passed over (sidecars, hidden and system files):</source>
      <translation>スキップしたもの(サイドカー、隠しファイル、システムファイル):</translation>
    </message>
    <message>
      <source>The list is on the clipboard.</source>
      <translation>一覧をクリップボードにコピーしました。</translation>
    </message>
    <message>
      <source>{done} of {total}</source>
      <translation>{done} / {total}</translation>
    </message>
    <message>
      <source>{rate} photos a second</source>
      <translation>毎秒 {rate} 枚</translation>
    </message>
    <message>
      <source>about {time} left</source>
      <translation>残り約 {time}</translation>
    </message>
    <message>
      <source>{seconds} s</source>
      <translation>{seconds} 秒</translation>
    </message>
    <message>
      <source>{minutes} min {seconds} s</source>
      <translation>{minutes} 分 {seconds} 秒</translation>
    </message>
    <message>
      <source>{hours} h {minutes} min</source>
      <translation>{hours} 時間 {minutes} 分</translation>
    </message>
    <message>
      <source>Waiting for another import ({holder})… this one starts when it ends.</source>
      <translation>別の読み込み（{holder}）の終了を待っています… 終わりしだい開始します。</translation>
    </message>
    <message>
      <source>Waiting for another import… this one starts when it ends.</source>
      <translation>別の読み込みの終了を待っています… 終わりしだい開始します。</translation>
    </message>
  </context>
  <context>
    <name>LanguageMenu</name>
    <message>
      <source>Lan&amp;guage</source>
      <translation>言語(&amp;G)</translation>
    </message>
    <message>
      <source>&amp;System Language ({name})</source>
      <translation>システムの言語 ({name})(&amp;S)</translation>
    </message>
    <message>
      <source>Takes effect at the next start</source>
      <translation>次回の起動時に反映されます</translation>
    </message>
    <message>
      <source>The language changes the next time Photo Archive starts.</source>
      <translation>言語は Photo Archive の次回起動時に切り替わります。</translation>
    </message>
  </context>
  <context>
    <name>LanguageSwitch</name>
    <message>
      <source>Default</source>
      <translation>既定</translation>
    </message>
    <message>
      <source>Language:</source>
      <translation>言語:</translation>
    </message>
    <message>
      <source>Side by side</source>
      <translation>並べて表示</translation>
    </message>
    <message>
      <source>Show another language's title, headline, caption and alt text beside them, read-only</source>
      <translation type="vanished">別の言語のタイトル・見出し・説明・代替テキストを横に読み取り専用で表示</translation>
    </message>
    <message>
      <source>, </source>
      <translation>、</translation>
    </message>
    <message>
      <source>Show another language's {fields} beside them, read-only</source>
      <translation>別の言語の{fields}を横に読み取り専用で表示</translation>
    </message>
    <message>
      <source>Beside, read-only:</source>
      <translation>横に表示(読み取り専用):</translation>
    </message>
    <message>
      <source>{tag} (default)</source>
      <translation>{tag}(既定)</translation>
    </message>
    <message>
      <source>+ Add a language…</source>
      <translation>+ 言語を追加…</translation>
    </message>
    <message>
      <source>Add a language…</source>
      <translation>言語を追加…</translation>
    </message>
    <message>
      <source>Type the {fields} in another language</source>
      <translation>{fields}を別の言語で入力</translation>
    </message>
    <message>
      <source>Fields marked {tag}: {language}. The fields marked “all languages” are the same in every language.</source>
      <translation>{tag} と付いたフィールド: {language}。「全言語」と付いたフィールドはすべての言語で共通です。</translation>
    </message>
    <message>
      <source>Type the title, headline, caption and alt text in another language</source>
      <translation type="vanished">タイトル・見出し・説明・代替テキストを別の言語で入力</translation>
    </message>
    <message>
      <source>The language the fields were typed in (not named yet: Add a language names others)</source>
      <translation>フィールドが入力された言語(まだ名前がありません。「言語を追加」でほかの言語に名前を付けます)</translation>
    </message>
    <message>
      <source>{name}: the default language (XMP x-default, and IPTC IIM and EXIF)</source>
      <translation>{name}: 既定の言語(XMP x-default、IPTC IIM と EXIF)</translation>
    </message>
    <message>
      <source>Title, headline, caption and alt text: {language}. The fields marked “all languages” are the same in every language.</source>
      <translation type="vanished">タイトル・見出し・説明・代替テキスト: {language}。「全言語」と付いたフィールドはすべての言語で共通です。</translation>
    </message>
  </context>
  <context>
    <name>Loupe</name>
    <message>
      <source>(no caption yet)</source>
      <translation>(説明はまだありません)</translation>
    </message>
    <message>
      <source>(no creator or credit yet)</source>
      <translation>(作成者・クレジットはまだありません)</translation>
    </message>
    <message>
      <source>{name} ({position} of {count})</source>
      <translation>{name}({position} / {count})</translation>
    </message>
    <message>
      <source>Fitted</source>
      <translation>ウィンドウに合わせる</translation>
    </message>
    <message>
      <source>100 %</source>
      <translation>100 %</translation>
    </message>
    <message>
      <source>100 % of the preview (the original is still being read, or cannot be shown here)</source>
      <translation>プレビューの 100 %(元画像はまだ読み込み中か、ここでは表示できません)</translation>
    </message>
    <message>
      <source>{name} · {position} of {count} · {zoom} · Z or double-click: 100 % / fitted · ← →: previous, next · I: info · Space: close</source>
      <translation>{name} · {position} / {count} · {zoom} · Z またはダブルクリック: 100 % / ウィンドウに合わせる · ← →: 前へ、次へ · I: 情報 · Space: 閉じる</translation>
    </message>
    <message numerus="yes">
      <source> · R: image regions (%n)</source>
      <translation>
        <numerusform> · R: 画像領域 (%n)</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>&amp;Photo</source>
      <translation>写真(&amp;P)</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>編集(&amp;E)</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>表示(&amp;V)</translation>
    </message>
    <message>
      <source>&amp;Collection</source>
      <translation>コレクション(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
      <source>Sources</source>
      <translation>ソース</translation>
    </message>
    <message>
      <source>Metadata</source>
      <translation>メタデータ</translation>
    </message>
    <message>
      <source>&lt;opened the archive&gt;</source>
      <translation>&lt;アーカイブを開いた時点&gt;</translation>
    </message>
    <message>
      <source>Undo History</source>
      <translation>取り消し履歴</translation>
    </message>
    <message>
      <source>counting…</source>
      <translation>数えています…</translation>
    </message>
    <message>
      <source>{count} shown</source>
      <translation>{count} 枚を表示</translation>
    </message>
    <message>
      <source>{count} selected</source>
      <translation>{count} 枚を選択</translation>
    </message>
    <message>
      <source>Undo &amp;History</source>
      <translation>取り消し履歴(&amp;H)</translation>
    </message>
    <message>
      <source>Map</source>
      <translation>地図</translation>
    </message>
    <message>
      <source>Places</source>
      <translation>場所</translation>
    </message>
    <message>
      <source>Your Na&amp;me as Curator…</source>
      <translation>キュレーターとしての名前(&amp;M)…</translation>
    </message>
  </context>
  <context>
    <name>MapCanvas</name>
    <message numerus="yes">
      <source>%n photo(s)</source>
      <translation>
        <numerusform>%n 枚の写真</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>MapPanel</name>
    <message>
      <source>Places</source>
      <translation>場所</translation>
    </message>
    <message>
      <source>Show the gazetteer's places</source>
      <translation>地名辞典の場所を表示</translation>
    </message>
    <message>
      <source>Map tiles</source>
      <translation>地図タイル</translation>
    </message>
    <message>
      <source>Load map tiles from OpenStreetMap (cached on this computer)</source>
      <translation>OpenStreetMap から地図タイルを読み込む(このコンピューターにキャッシュ)</translation>
    </message>
    <message>
      <source>Zoom out (-)</source>
      <translation>縮小 (-)</translation>
    </message>
    <message>
      <source>Zoom in (+)</source>
      <translation>拡大 (+)</translation>
    </message>
    <message>
      <source>Fit</source>
      <translation>全体</translation>
    </message>
    <message>
      <source>Show all markers</source>
      <translation>すべてのマーカーを表示</translation>
    </message>
    <message numerus="yes">
      <source>%Ln photo(s) on the map</source>
      <translation>
        <numerusform>地図上の写真 %Ln 枚</numerusform>
      </translation>
    </message>
    <message>
      <source>, {n} without GPS</source>
      <translation>、GPS なし {n} 枚</translation>
    </message>
    <message>
      <source> (the first {n} of the selection)</source>
      <translation>(選択のうち最初の {n} 枚)</translation>
    </message>
    <message numerus="yes">
      <source>Set GPS of %n photo(s) on the map</source>
      <translation>
        <numerusform>地図上で %n 枚の写真の GPS を設定</numerusform>
      </translation>
    </message>
    <message>
      <source>Map tiles are unavailable (no network?): markers are shown on the built-in world map.</source>
      <translation>地図タイルを取得できません(ネットワークがない?)。マーカーは内蔵の世界地図に表示します。</translation>
    </message>
    <message>
      <source>Map tiles are off: markers are shown on tiles cached earlier, or on the built-in world map.</source>
      <translation>地図タイルはオフです。マーカーは以前にキャッシュしたタイルか内蔵の世界地図に表示します。</translation>
    </message>
  </context>
  <context>
    <name>MetadataEditor</name>
    <message>
      <source>Position</source>
      <translation>位置</translation>
    </message>
    <message>
      <source>Latitude and longitude, where the photo was taken (EXIF GPS)</source>
      <translation>撮影地点の緯度と経度(EXIF GPS)</translation>
    </message>
    <message>
      <source>Info</source>
      <translation>情報</translation>
    </message>
    <message>
      <source>No photo selected</source>
      <translation>写真が選択されていません</translation>
    </message>
    <message numerus="yes">
      <source>%Ln photo(s) selected: a change applies to all of them</source>
      <translation>
        <numerusform>%Ln 枚の写真を選択中: 変更はすべてに適用されます</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Reading the fields of %Ln photo(s)…</source>
      <translation>
        <numerusform>%Ln 枚の写真のフィールドを読み込み中…</numerusform>
      </translation>
    </message>
    <message>
      <source>The keywords all selected photos share; each photo's other keywords are kept. Words you add or remove here change every photo.</source>
      <translation>選択したすべての写真に共通するキーワードです。各写真のほかのキーワードは残ります。ここで追加・削除した語はすべての写真に反映されます。</translation>
    </message>
    <message>
      <source>{field} was not saved: {reason}</source>
      <translation>{field} は保存されませんでした: {reason}</translation>
    </message>
    <message>
      <source>Settle {field}</source>
      <translation>{field} の値を確定</translation>
    </message>
    <message numerus="yes">
      <source>Use the place's position for %n photo(s)</source>
      <translation>
        <numerusform>%n 枚の写真に場所の位置を使う</numerusform>
      </translation>
    </message>
    <message>
      <source>The gazetteer has no places yet: add them in the Places panel.</source>
      <translation>地名辞典に場所がまだありません。「場所」パネルで追加してください。</translation>
    </message>
    <message>
      <source>Fill from place</source>
      <translation>場所から入力</translation>
    </message>
    <message>
      <source>Location created:</source>
      <translation>撮影場所:</translation>
    </message>
  </context>
  <context>
    <name>OpenArchiveDialog</name>
    <message>
      <source>Open Archive</source>
      <translation>アーカイブを開く</translation>
    </message>
    <message>
      <source>The archive's folder</source>
      <translation>アーカイブのフォルダー</translation>
    </message>
    <message>
      <source>&amp;Browse…</source>
      <translation>参照(&amp;B)…</translation>
    </message>
    <message>
      <source>&amp;Folder:</source>
      <translation>フォルダー(&amp;F):</translation>
    </message>
    <message>
      <source>&amp;Catalog on a server (PostgreSQL)</source>
      <translation>サーバー上のカタログ(&amp;C) (PostgreSQL)</translation>
    </message>
    <message>
      <source>Server &amp;address:</source>
      <translation>サーバーのアドレス(&amp;A):</translation>
    </message>
    <message>
      <source>The address is saved in the archive folder ({file}), so every curator who opens this folder reaches the same catalog. No password here: it goes in ~/.pgpass or PGPASSWORD.</source>
      <translation>アドレスはアーカイブのフォルダー({file})に保存され、このフォルダーを開くキュレーターは誰でも同じカタログにつながります。パスワードはここに書かず、~/.pgpass か PGPASSWORD に入れてください。</translation>
    </message>
    <message>
      <source>Open an archive folder</source>
      <translation>アーカイブのフォルダーを開く</translation>
    </message>
    <message>
      <source>This folder's {file} cannot be read, or holds no PostgreSQL address without a password; type the address below to replace it.</source>
      <translation>このフォルダーの {file} を読めないか、パスワードを含まない PostgreSQL のアドレスがありません。置き換えるには下にアドレスを入力してください。</translation>
    </message>
    <message>
      <source>This archive's catalog is on a server (its {file} says so). To bring it back into the folder, use the command photoarchive catalog migrate-to.</source>
      <translation>このアーカイブのカタログはサーバー上にあります({file} にそう書かれています)。フォルダーに戻すには photoarchive catalog migrate-to コマンドを使ってください。</translation>
    </message>
    <message>
      <source>The address holds a password. Leave it out, and put the password in ~/.pgpass or PGPASSWORD instead, where only you can read it.</source>
      <translation>アドレスにパスワードが含まれています。パスワードは外し、あなただけが読める ~/.pgpass か PGPASSWORD に入れてください。</translation>
    </message>
    <message>
      <source>Not a PostgreSQL address: it begins with postgresql://, as in {example}.</source>
      <translation>PostgreSQL のアドレスではありません。{example} のように postgresql:// で始まります。</translation>
    </message>
    <message>
      <source>New Archive</source>
      <translation>新しいアーカイブ</translation>
    </message>
    <message>
      <source>The catalog is made in this database, which must be empty (ask the server's administrator for one: a team's archive has a database of its own). The address is saved in the archive folder ({file}), so every curator who opens this folder reaches the same catalog. No password here: it goes in ~/.pgpass or PGPASSWORD.</source>
      <translation>カタログはこのデータベースに作成されます。データベースは空でなければなりません（サーバーの管理者に用意してもらってください。チームのアーカイブには専用のデータベースを使います）。アドレスはアーカイブのフォルダー（{file}）に保存されるので、このフォルダーを開くキュレーターは全員同じカタログにつながります。パスワードはここに入れず、~/.pgpass か PGPASSWORD に置いてください。</translation>
    </message>
    <message>
      <source>C&amp;reate</source>
      <translation>作成(&amp;R)</translation>
    </message>
    <message>
      <source>A folder for the new archive</source>
      <translation>新しいアーカイブのフォルダー</translation>
    </message>
    <message>
      <source>This folder already holds an archive: open it with File &gt; Open Archive instead.</source>
      <translation>このフォルダーにはすでにアーカイブがあります。ファイル &gt; アーカイブを開く で開いてください。</translation>
    </message>
  </context>
  <context>
    <name>PasteFieldsDialog</name>
    <message>
      <source>Paste metadata</source>
      <translation>メタデータの貼り付け</translation>
    </message>
    <message numerus="yes">
      <source>Paste these fields onto %n photo(s):</source>
      <translation>
        <numerusform>次のフィールドを %n 枚の写真に貼り付け:</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>PhotoEdits</name>
    <message>
      <source>{what} of {photo}</source>
      <translation>{photo} の{what}</translation>
    </message>
    <message numerus="yes">
      <source>{what} of %n photo(s)</source>
      <translation>
        <numerusform>%n 枚の写真の{what}</numerusform>
      </translation>
    </message>
    <message>
      <source> and </source>
      <translation>と</translation>
    </message>
    <message>
      <source>the {fields} of {photos}</source>
      <translation>{photos} の{fields}</translation>
    </message>
    <message numerus="yes">
      <source>the {fields} of %n photo(s)</source>
      <translation>
        <numerusform>%n 枚の写真の{fields}</numerusform>
      </translation>
    </message>
    <message>
      <source>Since this step, {what} has been changed elsewhere (from the command line or another window).</source>
      <translation>この手順の後、{what}が別の場所(コマンドラインまたは別のウィンドウ)で変更されました。</translation>
    </message>
  </context>
  <context>
    <name>PhotoInfo</name>
    <message>
      <source>time zone unknown (the camera's clock)</source>
      <translation>タイムゾーン不明(カメラの時計)</translation>
    </message>
    <message>
      <source>{n} bytes</source>
      <translation>{n} バイト</translation>
    </message>
    <message>
      <source>batch {id}, {date}</source>
      <translation>バッチ {id}、{date}</translation>
    </message>
    <message>
      <source>Captured</source>
      <translation>撮影日時</translation>
    </message>
    <message>
      <source>Camera</source>
      <translation>カメラ</translation>
    </message>
    <message>
      <source>Lens</source>
      <translation>レンズ</translation>
    </message>
    <message>
      <source>Exposure</source>
      <translation>露出</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>サイズ</translation>
    </message>
    <message>
      <source>File</source>
      <translation>ファイル</translation>
    </message>
    <message>
      <source>In the archive</source>
      <translation>アーカイブ内</translation>
    </message>
    <message>
      <source>Imported from</source>
      <translation>読み込み元</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>読み込み</translation>
    </message>
    <message>
      <source>Select one photo to see its facts.</source>
      <translation>情報を見るには写真を 1 枚選択してください。</translation>
    </message>
    <message>
      <source>No photo</source>
      <translation>写真なし</translation>
    </message>
  </context>
  <context>
    <name>PlaceCommands</name>
    <message>
      <source>The place “{name}” has been removed elsewhere since (from the command line or another window).</source>
      <translation>場所「{name}」はその後、別の場所(コマンドラインまたは別のウィンドウ)で削除されました。</translation>
    </message>
    <message>
      <source>The place “{name}” has been changed elsewhere since (from the command line or another window).</source>
      <translation>場所「{name}」はその後、別の場所(コマンドラインまたは別のウィンドウ)で変更されました。</translation>
    </message>
  </context>
  <context>
    <name>PlaceEditor</name>
    <message>
      <source>no field</source>
      <translation>なし</translation>
    </message>
    <message>
      <source>metres</source>
      <translation>m</translation>
    </message>
    <message>
      <source>one per line: ru: Шумшу</source>
      <translation>1 行に 1 つ: ru: Шумшу</translation>
    </message>
    <message>
      <source>ISO 3166 code, e.g. RUS</source>
      <translation>ISO 3166 コード(例: JPN)</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名前</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>種類</translation>
    </message>
    <message>
      <source>Inside</source>
      <translation>上位の場所</translation>
    </message>
    <message>
      <source>Lat, lon, ±m</source>
      <translation>緯度、経度、±m</translation>
    </message>
    <message>
      <source>Other names</source>
      <translation>別名</translation>
    </message>
    <message>
      <source>GeoNames id</source>
      <translation>GeoNames ID</translation>
    </message>
    <message>
      <source>Wikidata id</source>
      <translation>Wikidata ID</translation>
    </message>
    <message>
      <source>Country code</source>
      <translation>国コード</translation>
    </message>
    <message>
      <source>Fills IPTC</source>
      <translation>IPTC の入力先</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>メモ</translation>
    </message>
    <message>
      <source>Save place</source>
      <translation>場所を保存</translation>
    </message>
    <message>
      <source>Revert</source>
      <translation>元に戻す</translation>
    </message>
    <message>
      <source>(top level)</source>
      <translation>(最上位)</translation>
    </message>
    <message>
      <source>By kind ({field})</source>
      <translation>種類による({field})</translation>
    </message>
  </context>
  <context>
    <name>PlaceTreeModel</name>
    <message>
      <source>Place</source>
      <translation>場所</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>種類</translation>
    </message>
    <message>
      <source>Fills</source>
      <translation>入力先</translation>
    </message>
    <message>
      <source>Photos</source>
      <translation>写真</translation>
    </message>
    <message>
      <source>building</source>
      <translation>建物</translation>
    </message>
    <message>
      <source>feature</source>
      <translation>地物</translation>
    </message>
    <message>
      <source>site</source>
      <translation>地点</translation>
    </message>
    <message>
      <source>locality</source>
      <translation>集落</translation>
    </message>
    <message>
      <source>island</source>
      <translation>島</translation>
    </message>
    <message>
      <source>district</source>
      <translation>行政区</translation>
    </message>
    <message>
      <source>archipelago</source>
      <translation>諸島</translation>
    </message>
    <message>
      <source>region</source>
      <translation>地方</translation>
    </message>
    <message>
      <source>country</source>
      <translation>国</translation>
    </message>
    <message>
      <source>other</source>
      <translation>その他</translation>
    </message>
    <message>
      <source>sublocation</source>
      <translation>地区</translation>
    </message>
    <message>
      <source>city</source>
      <translation>市区町村</translation>
    </message>
    <message>
      <source>state</source>
      <translation>都道府県</translation>
    </message>
  </context>
  <context>
    <name>PlacesPanel</name>
    <message>
      <source>Find a place (any language)</source>
      <translation>場所を検索(どの言語でも)</translation>
    </message>
    <message>
      <source>Add</source>
      <translation>追加</translation>
    </message>
    <message>
      <source>Add a place inside the current one</source>
      <translation>現在の場所の中に場所を追加</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>削除</translation>
    </message>
    <message>
      <source>Remove the current place</source>
      <translation>現在の場所を削除</translation>
    </message>
    <message>
      <source>Assign</source>
      <translation>割り当て</translation>
    </message>
    <message>
      <source>Give the selected photos the current place</source>
      <translation>選択した写真に現在の場所を割り当て</translation>
    </message>
    <message>
      <source>Clear</source>
      <translation>解除</translation>
    </message>
    <message>
      <source>Take the place off the selected photos</source>
      <translation>選択した写真から場所を外す</translation>
    </message>
    <message>
      <source>Import…</source>
      <translation>読み込み…</translation>
    </message>
    <message>
      <source>Import places from CSV or GeoJSON</source>
      <translation>CSV または GeoJSON から場所を読み込む</translation>
    </message>
    <message>
      <source>Export…</source>
      <translation>書き出し…</translation>
    </message>
    <message>
      <source>Export the gazetteer as CSV or GeoJSON</source>
      <translation>地名辞典を CSV または GeoJSON で書き出す</translation>
    </message>
    <message>
      <source>Suggest…</source>
      <translation>候補…</translation>
    </message>
    <message>
      <source>Suggest places for photos with GPS</source>
      <translation>GPS のある写真に場所の候補を出す</translation>
    </message>
    <message>
      <source>GPX…</source>
      <translation>GPX…</translation>
    </message>
    <message>
      <source>Give the selected photos GPS from a GPX track</source>
      <translation>選択した写真に GPX トラックから GPS を付ける</translation>
    </message>
    <message>
      <source>New place</source>
      <translation>新しい場所</translation>
    </message>
    <message>
      <source>Edit place {name}</source>
      <translation>場所 {name} を編集</translation>
    </message>
    <message>
      <source>Remove place</source>
      <translation>場所の削除</translation>
    </message>
    <message>
      <source>{name} holds places or photos. Remove it and move them to the place it is in?</source>
      <translation>{name} には場所または写真があります。削除して、それらを上位の場所に移しますか?</translation>
    </message>
    <message>
      <source>Select some photos first.</source>
      <translation>先に写真を選択してください。</translation>
    </message>
    <message numerus="yes">
      <source>Clear the place of %n photo(s)</source>
      <translation>
        <numerusform>%n 枚の写真の場所を解除</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Place %n photo(s) at {name}</source>
      <translation>
        <numerusform>%n 枚の写真を {name} に配置</numerusform>
      </translation>
    </message>
    <message>
      <source>{added} places added, {kept} already there</source>
      <translation>{added} 件の場所を追加、{kept} 件は既存</translation>
    </message>
    <message>
      <source>Cannot write {path}: {reason}</source>
      <translation>{path} に書き込めません: {reason}</translation>
    </message>
    <message>
      <source>Import places</source>
      <translation>場所の読み込み</translation>
    </message>
    <message>
      <source>Places (*.csv *.geojson *.json)</source>
      <translation>場所 (*.csv *.geojson *.json)</translation>
    </message>
    <message>
      <source>Export places</source>
      <translation>場所の書き出し</translation>
    </message>
    <message>
      <source>GeoJSON (*.geojson);;CSV (*.csv)</source>
      <translation>GeoJSON (*.geojson);;CSV (*.csv)</translation>
    </message>
    <message>
      <source>Select the photos to geotag first.</source>
      <translation>先にジオタグを付ける写真を選択してください。</translation>
    </message>
  </context>
  <context>
    <name>PreviewBuilder</name>
    <message numerus="yes">
      <source>Previews not made: %n photo(s); the first: {reason}</source>
      <translation>
        <numerusform>プレビューを作成できませんでした: %n 枚。最初: {reason}</numerusform>
      </translation>
    </message>
    <message>
      <source>Previews not made: {reason}</source>
      <translation>プレビューを作成できませんでした: {reason}</translation>
    </message>
    <message>
      <source>Making previews: {count}…</source>
      <translation>プレビューを作成中: {count}…</translation>
    </message>
  </context>
  <context>
    <name>SelectionController</name>
    <message>
      <source>&amp;Rating</source>
      <translation>レーティング(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Not Rated</source>
      <translation>レーティングなし(&amp;N)</translation>
    </message>
    <message>
      <source>No Stars</source>
      <translation>星なし</translation>
    </message>
    <message numerus="yes">
      <source>%n Star(s)</source>
      <translation>
        <numerusform>星 %n つ</numerusform>
      </translation>
    </message>
    <message>
      <source>Colour &amp;Label</source>
      <translation>カラーラベル(&amp;L)</translation>
    </message>
    <message>
      <source>No Label</source>
      <translation>ラベルなし</translation>
    </message>
    <message>
      <source>&amp;Flag</source>
      <translation>フラグ(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Pick</source>
      <translation>採用(&amp;P)</translation>
    </message>
    <message>
      <source>&amp;Reject</source>
      <translation>除外(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Unflag</source>
      <translation>フラグなし(&amp;U)</translation>
    </message>
    <message>
      <source>&amp;Auto-Advance</source>
      <translation>自動で次へ(&amp;A)</translation>
    </message>
    <message>
      <source>After a rating, label or flag, select the next photo</source>
      <translation>レーティング、ラベル、フラグの後に次の写真を選択します</translation>
    </message>
    <message>
      <source>Select the photos to rate, label or flag first.</source>
      <translation>先にレーティング、ラベル、フラグを付ける写真を選択してください。</translation>
    </message>
  </context>
  <context>
    <name>SmartCollectionDialog</name>
    <message>
      <source>Edit Smart Collection</source>
      <translation>スマートコレクションの編集</translation>
    </message>
    <message>
      <source>New Smart Collection</source>
      <translation>新しいスマートコレクション</translation>
    </message>
    <message>
      <source>Capture date</source>
      <translation>撮影日</translation>
    </message>
    <message>
      <source>Import order</source>
      <translation>読み込み順</translation>
    </message>
    <message>
      <source>File name</source>
      <translation>ファイル名</translation>
    </message>
    <message>
      <source>Name:</source>
      <translation>名前:</translation>
    </message>
    <message>
      <source>Filter:</source>
      <translation>フィルター:</translation>
    </message>
    <message>
      <source>Sort by:</source>
      <translation>並べ替え:</translation>
    </message>
    <message>
      <source>A smart collection needs a filter: its photos are those matching it.</source>
      <translation>スマートコレクションにはフィルターが必要です。写真はそれに一致するものです。</translation>
    </message>
  </context>
  <context>
    <name>SourcesModel</name>
    <message>
      <source>Library</source>
      <translation>ライブラリ</translation>
    </message>
    <message>
      <source>Import batches</source>
      <translation>読み込みバッチ</translation>
    </message>
    <message>
      <source>Collections</source>
      <translation>コレクション</translation>
    </message>
    <message>
      <source>Keywords</source>
      <translation>キーワード</translation>
    </message>
    <message>
      <source>Places</source>
      <translation>場所</translation>
    </message>
    <message>
      <source>{name}: a smart collection, the photos matching {filter}</source>
      <translation>{name}: スマートコレクション（{filter} に合う写真）</translation>
    </message>
    <message>
      <source>All photos</source>
      <translation>すべての写真</translation>
    </message>
    <message>
      <source>Needs attention</source>
      <translation>要確認</translation>
    </message>
    <message>
      <source>{when} (cancelled)</source>
      <translation>{when}(中止)</translation>
    </message>
    <message>
      <source>{when} (interrupted)</source>
      <translation>{when}(中断)</translation>
    </message>
  </context>
  <context>
    <name>StructEditors</name>
    <message>
      <source>one, another, …</source>
      <translation>ひとつ, もうひとつ, …</translation>
    </message>
    <message>
      <source>More</source>
      <translation>さらに表示</translation>
    </message>
    <message>
      <source>Fewer</source>
      <translation>表示を減らす</translation>
    </message>
    <message numerus="yes">
      <source>More (%n)</source>
      <translation>
        <numerusform>さらに %n 件</numerusform>
      </translation>
    </message>
    <message>
      <source>Add</source>
      <translation>追加</translation>
    </message>
    <message>
      <source>Add one more to this field</source>
      <translation>このフィールドにもうひとつ追加</translation>
    </message>
    <message numerus="yes">
      <source>Other items on %n photo(s) are kept as they are; the items shown are those all share.</source>
      <translation>
        <numerusform>%n 枚の写真にあるその他の項目はそのまま残ります。表示されているのはすべての写真に共通する項目です。</numerusform>
      </translation>
    </message>
    <message>
      <source>Remove this one</source>
      <translation>これを削除</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>削除</translation>
    </message>
    <message>
      <source>None</source>
      <translation>なし</translation>
    </message>
  </context>
  <context>
    <name>SuggestionsDialog</name>
    <message>
      <source>Suggested places</source>
      <translation>場所の候補</translation>
    </message>
    <message>
      <source>Looking for places near the photos…</source>
      <translation>写真の近くの場所を探しています…</translation>
    </message>
    <message>
      <source>Photo</source>
      <translation>写真</translation>
    </message>
    <message>
      <source>Suggested place</source>
      <translation>候補の場所</translation>
    </message>
    <message>
      <source>Distance</source>
      <translation>距離</translation>
    </message>
    <message>
      <source>From</source>
      <translation>出典</translation>
    </message>
    <message>
      <source>Accept selected</source>
      <translation>選択を承認</translation>
    </message>
    <message>
      <source>Accept all</source>
      <translation>すべて承認</translation>
    </message>
    <message>
      <source>Reject selected</source>
      <translation>選択を却下</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>閉じる</translation>
    </message>
    <message>
      <source>gazetteer</source>
      <translation>地名辞典</translation>
    </message>
    <message>
      <source>GeoNames (new place)</source>
      <translation>GeoNames(新しい場所)</translation>
    </message>
    <message numerus="yes">
      <source>%n suggestion(s)</source>
      <translation>
        <numerusform>候補 %n 件</numerusform>
      </translation>
    </message>
    <message>
      <source>No suggestions: no photo with GPS is near a known place.</source>
      <translation>候補はありません。GPS のある写真の近くに既知の場所がありません。</translation>
    </message>
  </context>
  <context>
    <name>TemplateDialog</name>
    <message>
      <source>Put this field in the template</source>
      <translation>このフィールドをテンプレートに入れる</translation>
    </message>
    <message>
      <source>separated by commas</source>
      <translation>カンマ区切り</translation>
    </message>
    <message>
      <source>Replace</source>
      <translation>置き換え</translation>
    </message>
    <message>
      <source>Fill if empty</source>
      <translation>空なら入力</translation>
    </message>
    <message>
      <source>Append</source>
      <translation>追加</translation>
    </message>
    <message>
      <source>Edit template</source>
      <translation>テンプレートの編集</translation>
    </message>
    <message>
      <source>New template</source>
      <translation>新しいテンプレート</translation>
    </message>
    <message>
      <source>Name:</source>
      <translation>名前:</translation>
    </message>
    <message>
      <source>Description:</source>
      <translation>概要:</translation>
    </message>
    <message>
      <source>Tick the fields the template sets. Values may use the photo's fields: {creator}, {city}, {date:%Y} (the capture date), {filename}, {sequence:03}. Fill if empty leaves a value the photo already has.</source>
      <translation>テンプレートで設定するフィールドにチェックを入れます。値には写真のフィールドを使えます: {creator}、{city}、{date:%Y}(撮影日)、{filename}、{sequence:03}。「空なら入力」は写真にすでにある値を残します。</translation>
    </message>
  </context>
  <context>
    <name>TemplatePreviewDialog</name>
    <message>
      <source>Apply template “{name}”</source>
      <translation>テンプレート「{name}」を適用</translation>
    </message>
    <message numerus="yes">
      <source>%n of the selected photos would change.</source>
      <translation>
        <numerusform>選択した写真のうち %n 枚が変わります。</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>(%n photo(s) selected)</source>
      <translation>
        <numerusform>(%n 枚の写真を選択)</numerusform>
      </translation>
    </message>
    <message>
      <source>Field</source>
      <translation>フィールド</translation>
    </message>
    <message>
      <source>Now</source>
      <translation>現在</translation>
    </message>
    <message>
      <source>After</source>
      <translation>適用後</translation>
    </message>
    <message>
      <source>Changes</source>
      <translation>変更</translation>
    </message>
    <message>
      <source>{field} (if empty)</source>
      <translation>{field}(空の場合)</translation>
    </message>
    <message numerus="yes">
      <source>%n photo(s)</source>
      <translation>
        <numerusform>%n 枚の写真</numerusform>
      </translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>適用</translation>
    </message>
    <message>
      <source>(multiple values)</source>
      <translation>(複数の値)</translation>
    </message>
    <message>
      <source>(empty)</source>
      <translation>(空)</translation>
    </message>
  </context>
  <context>
    <name>Templates</name>
    <message numerus="yes">
      <source>Apply template “{name}” to %n photo(s)</source>
      <translation>
        <numerusform>テンプレート「{name}」を %n 枚の写真に適用</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ViewController</name>
    <message>
      <source>S&amp;ort By</source>
      <translation>並べ替え(&amp;O)</translation>
    </message>
    <message>
      <source>&amp;Preview</source>
      <translation>プレビュー(&amp;P)</translation>
    </message>
    <message>
      <source>&amp;Next Photo</source>
      <translation>次の写真(&amp;N)</translation>
    </message>
    <message>
      <source>Pre&amp;vious Photo</source>
      <translation>前の写真(&amp;V)</translation>
    </message>
    <message>
      <source>&amp;All Photos</source>
      <translation>すべての写真(&amp;A)</translation>
    </message>
    <message>
      <source>Needs A&amp;ttention</source>
      <translation>要確認(&amp;T)</translation>
    </message>
    <message>
      <source>&amp;Larger Thumbnails</source>
      <translation>サムネイルを大きく(&amp;L)</translation>
    </message>
    <message>
      <source>&amp;Smaller Thumbnails</source>
      <translation>サムネイルを小さく(&amp;S)</translation>
    </message>
    <message>
      <source>Select &amp;All</source>
      <translation>すべて選択(&amp;A)</translation>
    </message>
    <message>
      <source>Select &amp;None</source>
      <translation>選択を解除(&amp;N)</translation>
    </message>
    <message>
      <source>&amp;Find</source>
      <translation>検索(&amp;F)</translation>
    </message>
  </context>
  <context>
    <name>WelcomePanel</name>
    <message>
      <source>Welcome to Photo Archive</source>
      <translation>Photo Archive へようこそ</translation>
    </message>
    <message>
      <source>The archive “{name}” is empty. Import the photos of a day in the field, open an archive you already have, or try everything on a small sample archive first. You can also drop files and folders onto this window.</source>
      <translation>アーカイブ「{name}」は空です。現地で撮った 1 日分の写真を読み込むか、既存のアーカイブを開くか、まず小さなサンプルアーカイブですべてを試してください。ファイルやフォルダーをこのウィンドウにドロップすることもできます。</translation>
    </message>
    <message>
      <source>Import photos…</source>
      <translation>写真を読み込む…</translation>
    </message>
    <message>
      <source>Open archive…</source>
      <translation>アーカイブを開く…</translation>
    </message>
    <message>
      <source>Create sample archive…</source>
      <translation>サンプルアーカイブを作成…</translation>
    </message>
  </context>
</TS>
