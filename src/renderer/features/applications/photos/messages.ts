import { defineMessages } from '../../../../shared/i18n/locales.ts';

/** Strings of the photo slots (namespace `photos`). */
export const photosMessages = defineMessages(
  {
    title: 'Photos',
    intro:
      'One photo per angle, JPEG or PNG. A photo over 5 MB is made smaller here, before sending; the original stays on this computer. The catalogue scores every photo with an AI and returns applications whose photos fail, so photograph the product alone, filling the frame, on a plain light background.',
    angle: { front: 'Front', back: 'Back', left: 'Left side', right: 'Right side', top: 'Top', bottom: 'Bottom' },
    required: 'Required',
    requiredMissing: 'An extended card needs this photo: without the front and back photos the catalogue returns the application.',
    drop: 'Drop a photo here',
    choose: 'Choose a file',
    replace: 'Replace',
    remove: 'Remove',
    preparing: 'Preparing the photo…',
    thumbnailAlt: '{{angle}} photo',
    facts: '{{width}} × {{height}} px, {{size}}, {{format}}',
    reencoded: 'Made smaller to fit the catalogue’s 5 MB limit: the original ({{originalSize}} MB, {{originalWidth}} × {{originalHeight}} px) is kept on this computer.',
    onCatalogue: 'This photo is on the catalogue; this computer has no copy of it. Replace it to change it.',
    missingFile: 'The photo’s file is no longer on this computer. Add the photo again.',
    warnings: {
      lowResolution:
        'Low resolution: the shorter side is {{shorter}} px, under the {{min}} px we recommend. Text on the packaging may be unreadable, and small photos often fail the catalogue’s AI check.',
      busyBackground:
        'The background does not look plain: near the edges of the photo there are many details or changes of colour. The catalogue’s AI scores photos and returns applications whose photos fail; take the product alone on a plain, light background.',
    },
    errors: {
      unchanged: 'Nothing you entered earlier was changed.',
      heic: '“{{fileName}}” is a HEIC/HEIF photo (the iPhone’s default format). The catalogue takes JPEG or PNG only. Export the photo as JPEG, or on the iPhone choose Settings → Camera → Formats → Most Compatible.',
      avif: '“{{fileName}}” is an AVIF image. The catalogue takes JPEG or PNG only: save it as JPEG.',
      gif: '“{{fileName}}” is a GIF image. The catalogue takes JPEG or PNG only: save it as JPEG or PNG.',
      webp: '“{{fileName}}” is a WebP image (often saved from a web page). The catalogue takes JPEG or PNG only: save it as JPEG.',
      otherImage: '“{{fileName}}” is a {{format}} image. The catalogue takes JPEG or PNG only: save it as JPEG.',
      pdf: '“{{fileName}}” is a PDF document, not a photo. Conformity documents go to the Documents section.',
      notImage: '“{{fileName}}” is not an image. Choose a JPEG or PNG photo.',
      empty: '“{{fileName}}” is empty (0 bytes).',
      undecodable: '“{{fileName}}” starts like a {{format}} file but cannot be read: it is probably damaged or was not copied completely.',
      cannotFit: '“{{fileName}}” could not be made smaller than 5 MB without making it unusably small.',
      failed: '“{{fileName}}” could not be prepared: {{message}}',
    },
  },
  {
    ru: {
      title: 'Фотографии',
      intro:
        'По одной фотографии на ракурс, JPEG или PNG. Фото больше 5 МБ уменьшается здесь, до отправки; оригинал остаётся на этом компьютере. Каталог оценивает каждое фото с помощью ИИ и возвращает заявки, фото которых не прошли проверку, поэтому снимайте товар отдельно, крупно, на однотонном светлом фоне.',
      angle: { front: 'Спереди', back: 'Сзади', left: 'Слева', right: 'Справа', top: 'Сверху', bottom: 'Снизу' },
      required: 'Обязательно',
      requiredMissing: 'Для расширенной карточки это фото обязательно: без фото спереди и сзади каталог вернёт заявку.',
      drop: 'Перетащите фото сюда',
      choose: 'Выбрать файл',
      replace: 'Заменить',
      remove: 'Удалить',
      preparing: 'Фото обрабатывается…',
      thumbnailAlt: 'Фото: {{angle}}',
      facts: '{{width}} × {{height}} пикс., {{size}}, {{format}}',
      reencoded: 'Уменьшено под лимит каталога 5 МБ: оригинал ({{originalSize}} МБ, {{originalWidth}} × {{originalHeight}} пикс.) сохранён на этом компьютере.',
      onCatalogue: 'Фотография хранится в каталоге, копии на этом компьютере нет. Чтобы изменить её, замените её.',
      missingFile: 'Файла этого фото больше нет на компьютере. Добавьте фото заново.',
      warnings: {
        lowResolution:
          'Низкое разрешение: короткая сторона — {{shorter}} пикс., меньше рекомендуемых {{min}} пикс. Текст на упаковке может не читаться, а маленькие фото часто не проходят проверку ИИ в каталоге.',
        busyBackground:
          'Фон выглядит неоднородным: у краёв фото много деталей или перепадов цвета. ИИ каталога оценивает фото и возвращает заявки, фото которых не прошли проверку; снимайте товар отдельно на однотонном светлом фоне.',
      },
      errors: {
        unchanged: 'Ранее введённые данные не изменились.',
        heic: '«{{fileName}}» — фото в формате HEIC/HEIF (формат iPhone по умолчанию). Каталог принимает только JPEG или PNG. Экспортируйте фото в JPEG или на iPhone выберите «Настройки → Камера → Форматы → Наиболее совместимый».',
        avif: '«{{fileName}}» — изображение AVIF. Каталог принимает только JPEG или PNG: сохраните его в JPEG.',
        gif: '«{{fileName}}» — изображение GIF. Каталог принимает только JPEG или PNG: сохраните его в JPEG или PNG.',
        webp: '«{{fileName}}» — изображение WebP (так часто сохраняются картинки с сайтов). Каталог принимает только JPEG или PNG: сохраните его в JPEG.',
        otherImage: '«{{fileName}}» — изображение {{format}}. Каталог принимает только JPEG или PNG: сохраните его в JPEG.',
        pdf: '«{{fileName}}» — документ PDF, а не фото. Документы о соответствии добавляются в разделе «Документы».',
        notImage: '«{{fileName}}» — не изображение. Выберите фото JPEG или PNG.',
        empty: '«{{fileName}}» — пустой файл (0 байт).',
        undecodable: '«{{fileName}}» начинается как файл {{format}}, но не читается: вероятно, он повреждён или скопирован не полностью.',
        cannotFit: '«{{fileName}}» не удалось уменьшить до 5 МБ, не сделав его слишком маленьким.',
        failed: 'Не удалось обработать «{{fileName}}»: {{message}}',
      },
    },
    kk: {
      title: 'Фотосуреттер',
      intro:
        'Әр ракурсқа бір фотосурет, JPEG немесе PNG. 5 МБ-тан үлкен фото жібермес бұрын осында кішірейтіледі; түпнұсқасы осы компьютерде қалады. Каталог әр фотоны ЖИ арқылы бағалайды және фотосы тексеруден өтпеген өтінімдерді қайтарады, сондықтан тауарды жеке, кадрды толтырып, біркелкі ашық түсті фонда түсіріңіз.',
      angle: { front: 'Алдыңғы жағы', back: 'Артқы жағы', left: 'Сол жағы', right: 'Оң жағы', top: 'Үсті', bottom: 'Асты' },
      required: 'Міндетті',
      requiredMissing: 'Кеңейтілген карточкаға бұл фото міндетті: алдыңғы және артқы жағының фотосы болмаса, каталог өтінімді қайтарады.',
      drop: 'Фотоны осында сүйреп әкеліңіз',
      choose: 'Файлды таңдау',
      replace: 'Ауыстыру',
      remove: 'Жою',
      preparing: 'Фото өңделуде…',
      thumbnailAlt: 'Фото: {{angle}}',
      facts: '{{width}} × {{height}} пикс., {{size}}, {{format}}',
      reencoded: 'Каталогтың 5 МБ шегіне сыю үшін кішірейтілді: түпнұсқасы ({{originalSize}} МБ, {{originalWidth}} × {{originalHeight}} пикс.) осы компьютерде сақталды.',
      onCatalogue: 'Фотосурет каталогта сақтаулы, бұл компьютерде оның көшірмесі жоқ. Өзгерту үшін оны ауыстырыңыз.',
      missingFile: 'Бұл фотоның файлы компьютерде енді жоқ. Фотоны қайта қосыңыз.',
      warnings: {
        lowResolution:
          'Ажыратымдылығы төмен: қысқа жағы {{shorter}} пикс., ұсынылатын {{min}} пикс.-тен аз. Қаптамадағы мәтін оқылмауы мүмкін, ал кішкентай фотолар каталогтағы ЖИ тексеруінен жиі өтпейді.',
        busyBackground:
          'Фон біркелкі емес сияқты: фотоның шеттерінде бөлшектер немесе түс өзгерістері көп. Каталогтың ЖИ-і фотоларды бағалап, тексеруден өтпеген өтінімдерді қайтарады; тауарды жеке, біркелкі ашық түсті фонда түсіріңіз.',
      },
      errors: {
        unchanged: 'Бұрын енгізілген деректер өзгерген жоқ.',
        heic: '«{{fileName}}» — HEIC/HEIF пішіміндегі фото (iPhone-ның әдепкі пішімі). Каталог тек JPEG немесе PNG қабылдайды. Фотоны JPEG-ке экспорттаңыз немесе iPhone-да «Баптаулар → Камера → Пішімдер → Ең үйлесімді» тармағын таңдаңыз.',
        avif: '«{{fileName}}» — AVIF суреті. Каталог тек JPEG немесе PNG қабылдайды: оны JPEG ретінде сақтаңыз.',
        gif: '«{{fileName}}» — GIF суреті. Каталог тек JPEG немесе PNG қабылдайды: оны JPEG немесе PNG ретінде сақтаңыз.',
        webp: '«{{fileName}}» — WebP суреті (сайттардан сақталған суреттер жиі осы пішімде болады). Каталог тек JPEG немесе PNG қабылдайды: оны JPEG ретінде сақтаңыз.',
        otherImage: '«{{fileName}}» — {{format}} суреті. Каталог тек JPEG немесе PNG қабылдайды: оны JPEG ретінде сақтаңыз.',
        pdf: '«{{fileName}}» — фото емес, PDF құжаты. Сәйкестік туралы құжаттар «Құжаттар» бөлімінде қосылады.',
        notImage: '«{{fileName}}» — сурет емес. JPEG немесе PNG фотосын таңдаңыз.',
        empty: '«{{fileName}}» — бос файл (0 байт).',
        undecodable: '«{{fileName}}» {{format}} файлы сияқты басталады, бірақ оқылмайды: бүлінген немесе толық көшірілмеген болуы мүмкін.',
        cannotFit: '«{{fileName}}» файлын тым кішірейтіп жібермей, 5 МБ-қа дейін азайту мүмкін болмады.',
        failed: '«{{fileName}}» өңделмеді: {{message}}',
      },
    },
  },
);
