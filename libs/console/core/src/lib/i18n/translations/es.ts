/**
 * Spanish, the console's default language: the texts of the shell and those several features share
 * (each lazily loaded feature brings its own). Every key here must exist in `en.ts` too.
 */
export const ES = {
  'app.name': 'Consultorio',
  'app.tagline': 'Gestión de clínicas y consultorios',
  'app.skipToContent': 'Saltar al contenido',

  'common.cancel': 'Cancelar',
  'common.close': 'Cerrar',
  'common.save': 'Guardar cambios',
  'common.retry': 'Reintentar',
  'common.goHome': 'Ir al inicio',
  'common.loading': 'Cargando…',
  'common.optional': 'Opcional',

  'nav.main': 'Navegación principal',
  'nav.openMenu': 'Abrir menú',
  'nav.home': 'Inicio',
  'nav.users': 'Usuarios',
  'nav.auditLog': 'Auditoría',

  'toolbar.language': 'Idioma',
  'toolbar.darkTheme': 'Usar tema oscuro',
  'toolbar.lightTheme': 'Usar tema claro',
  'toolbar.userMenu': 'Menú de usuario',
  'toolbar.profile': 'Mi perfil',
  'toolbar.logout': 'Cerrar sesión',

  'language.es': 'Español',
  'language.en': 'English',

  'role.superadmin': 'Superadministrador',
  'role.admin': 'Administrador',
  'role.receptionist': 'Recepcionista',
  'role.doctor': 'Médico',
  'role.patient': 'Paciente',

  'field.fullName': 'Nombre completo',
  'field.email': 'Correo electrónico',
  'field.username': 'Usuario',
  'field.phone': 'Teléfono',
  'field.role': 'Rol',
  'field.preferredLanguage': 'Idioma preferido',
  'field.password': 'Contraseña',
  'field.status': 'Estado',
  'field.lastLogin': 'Último acceso',

  'login.title': 'Iniciar sesión',
  'login.subtitle': 'Ingresa con tu correo o tu nombre de usuario.',
  'login.login': 'Correo electrónico o usuario',
  'login.password': 'Contraseña',
  'login.showPassword': 'Mostrar contraseña',
  'login.hidePassword': 'Ocultar contraseña',
  'login.submit': 'Ingresar',
  'login.invalidCredentials': 'El usuario o la contraseña no son correctos.',
  'login.tooManyAttempts': 'Demasiados intentos. Vuelve a intentarlo en {seconds} s.',
  'login.sessionExpired': 'Tu sesión expiró. Vuelve a iniciar sesión.',
  'login.footer': 'Software libre para clínicas y consultorios.',
  'login.forgotPassword': '¿Olvidaste tu contraseña?',
  'login.passwordChanged': 'Tu contraseña cambió. Inicia sesión con la nueva.',

  'passwordReset.forgotTitle': 'Restablecer contraseña',
  'passwordReset.forgotSubtitle':
    'Escribe el correo de tu cuenta y te enviaremos un enlace para elegir una nueva contraseña.',
  'passwordReset.send': 'Enviar enlace',
  'passwordReset.requested':
    'Si la dirección está registrada, recibirás un correo con un enlace para elegir una nueva contraseña. El enlace vale por {minutes} minutos; si no llega, revisa la carpeta de spam.',
  'passwordReset.backToLogin': 'Volver a iniciar sesión',
  'passwordReset.resetTitle': 'Elige una nueva contraseña',
  'passwordReset.resetSubtitle': 'Al guardarla se cerrarán todas las sesiones abiertas de tu cuenta.',
  'passwordReset.newPassword': 'Nueva contraseña',
  'passwordReset.confirmPassword': 'Repite la nueva contraseña',
  'passwordReset.passwordHint': 'Al menos {min} caracteres; que no sea tu correo ni tu usuario.',
  'passwordReset.save': 'Guardar contraseña',
  'passwordReset.invalidLink':
    'Este enlace no es válido: venció, ya se usó o pediste uno más reciente. Pide un enlace nuevo.',
  'passwordReset.requestNew': 'Pedir un enlace nuevo',

  'errors.network': 'No se pudo conectar con el servidor. Revisa tu conexión.',
  'errors.server': 'El servidor tuvo un problema. Inténtalo de nuevo en unos minutos.',
  'errors.forbidden': 'No tienes permiso para realizar esta acción.',
  'errors.notFound': 'El registro ya no existe.',
  'errors.conflict': 'Los datos entran en conflicto con otro registro.',
  'errors.invalid': 'Revisa los datos ingresados.',
  'errors.tooManyRequests': 'Demasiadas solicitudes. Inténtalo de nuevo en {seconds} s.',
  'errors.unexpected': 'Ocurrió un error inesperado. Inténtalo de nuevo.',

  'forbidden.title': 'No tienes acceso a esta página',
  'forbidden.text':
    'Tu rol no permite ver esta sección. Si necesitas entrar, pídele acceso a un administrador.',
  'notFound.title': 'Página no encontrada',
  'notFound.text': 'La dirección no existe o cambió. Revisa el enlace o vuelve al inicio.',
  'offline.title': 'Sin conexión con el servidor',
  'offline.text':
    'No pudimos comunicarnos con Consultorio. Revisa tu conexión; lo que ya guardaste está a salvo.',
  'offline.stillOffline': 'Aún no hay conexión. Inténtalo de nuevo en un momento.',

  'home.morning': 'Buenos días, {name}',
  'home.afternoon': 'Buenas tardes, {name}',
  'home.evening': 'Buenas noches, {name}',
  'home.signedInAs': 'Has iniciado sesión como {role}.',
  'home.permissions': 'Lo que puedes hacer',
  'home.permissionsError': 'No se pudieron cargar los permisos de tu rol.',
  'home.shortcuts': 'Accesos directos',
  'home.usersText': 'Crea cuentas, asigna roles y desactiva accesos.',
  'home.auditLogText': 'Revisa quién hizo qué, cuándo y desde dónde.',
  'home.profileText': 'Actualiza tus datos, tu idioma y tu contraseña.',

  'profile.title': 'Mi perfil',
  'profile.subtitle': 'Tus datos de contacto, tu idioma y tu contraseña.',
  'profile.personalData': 'Datos personales',
  'profile.saved': 'Tus datos se guardaron.',
  'profile.noChanges': 'No hay cambios que guardar.',
  'profile.changePassword': 'Cambiar contraseña',
  'profile.changePasswordText': 'Al cambiarla se cerrarán tus sesiones en otros dispositivos.',
  'profile.currentPassword': 'Contraseña actual',
  'profile.newPassword': 'Nueva contraseña',
  'profile.confirmPassword': 'Repite la nueva contraseña',
  'profile.passwordHint': 'Al menos {min} caracteres; que no sea tu correo ni tu usuario.',
  'profile.updatePassword': 'Cambiar contraseña',
  'profile.passwordChanged': 'Contraseña actualizada. Se cerraron tus otras sesiones.',

  'validation.required': 'Este campo es obligatorio.',
  'validation.email': 'Escribe un correo válido, por ejemplo nombre@clinica.com.',
  'validation.minLength': 'Debe tener al menos {min} caracteres.',
  'validation.maxLength': 'Debe tener como máximo {max} caracteres.',
  'validation.pattern': 'El formato no es válido.',
  'validation.usernamePattern': 'Usa letras, números, «.», «_» o «-», empezando por letra o número.',
  'validation.choice': 'Elige una opción de la lista.',
  'validation.passwordLength': 'La contraseña debe tener entre {min} y {max} caracteres.',
  'validation.passwordIdentity': 'La contraseña no puede ser el correo ni el nombre de usuario.',
  'validation.passwordMismatch': 'Las contraseñas no coinciden.',
  'validation.unique': 'Ese valor ya está en uso.',
  'validation.emailTaken': 'Ya existe un usuario con este correo.',
  'validation.usernameTaken': 'Ese nombre de usuario ya está en uso.',
  'validation.wrongPassword': 'La contraseña actual no es correcta.',
  'validation.invalid': 'El valor no es válido.',

  'paginator.itemsPerPage': 'Filas por página',
  'paginator.nextPage': 'Página siguiente',
  'paginator.previousPage': 'Página anterior',
  'paginator.firstPage': 'Primera página',
  'paginator.lastPage': 'Última página',
  'paginator.range': '{start}–{end} de {total}',
  'paginator.empty': '0 de 0',

  // Shown by the agenda and by a patient's appointments.
  'agenda.doctor': 'Médico',
  'appointmentStatus.scheduled': 'Agendada',
  'appointmentStatus.confirmed': 'Confirmada',
  'appointmentStatus.checked_in': 'En sala',
  'appointmentStatus.completed': 'Atendida',
  'appointmentStatus.cancelled': 'Cancelada',
  'appointmentStatus.no_show': 'No asistió',
  'booking.treatment': 'Tratamiento',

  // Each feature's entry in the navigation and on the home page. The texts of its pages come with
  // the feature (its `i18n/` folder), so they are not part of the first download.
  'nav.settings': 'Configuración',
  'home.settingsText': 'Datos de la clínica y catálogos: especialidades, tratamientos, sedes y más.',

  'nav.agenda': 'Agenda',
  'nav.patients': 'Pacientes',
  'home.agendaText': 'Citas del día, la semana o el mes por médico; reserva en los horarios libres.',
  'home.patientsText': 'Busca, registra y consulta la ficha de cada paciente.',

  'nav.doctors': 'Médicos',
  'home.doctorsText':
    'Perfiles de los médicos, sus horarios por sede, vacaciones, bloqueos y feriados de la clínica.',

  'nav.outbox': 'Bandeja de salida',
  'home.outboxText': 'Los correos que envía la clínica: su entrega, sus errores y cómo llegaron.',
  'nav.billing': 'Facturación',
  'home.billingText': 'Comprobantes, pagos parciales, notas de crédito e impresión en PDF.',
  'nav.cash': 'Caja',
  'home.cashText': 'Ingresos y egresos del día, cierre de caja por cajero y reporte mensual.',
} as const satisfies Record<string, string>;

export type TranslationKey = keyof typeof ES;

/** The permissions served by `GET /roles`, by key, in Spanish. */
export const ES_PERMISSIONS: Readonly<Record<string, string>> = {
  'admin.all': 'Todo lo que puede hacer un administrador',
  'users.manage-all': 'Gestionar todos los usuarios, incluidos los superadministradores',
  'system.configure': 'Configuración del sistema',
  'audit.read': 'Consultar la auditoría',
  'system.backup': 'Copias de seguridad y restauración',
  'clinic.run': 'Dirigir la clínica: pacientes, médicos, horarios y todas las citas',
  'clinic.business': 'Facturación, inventario, marketing y reportes',
  'catalogs.configure': 'Configuración de catálogos',
  'users.manage-staff': 'Gestionar usuarios que no sean superadministradores',
  'appointments.all': 'Pacientes y todas las citas',
  'billing.front-desk': 'Facturas, pagos y caja',
  'chat.use': 'Chat interno',
  'reports.today': 'Reportes del día',
  'appointments.own-agenda': 'Su propia agenda y citas',
  'patients.treated': 'Los pacientes que atiende, con sus notas clínicas',
  'reports.own-productivity': 'Su propia productividad',
  'appointments.own': 'Sus propias citas',
  'appointments.book-online': 'Reservar en línea',
  'appointments.move-own': 'Mover o cancelar sus citas hasta el límite permitido',
};
