import type { TermsWith } from './types.js';

/**
 * The words of readers' mails, moderator mails and the pages their links open in Spanish.
 */
export const es: TermsWith<'one' | 'many'> = {
  mail: {
    replySubject: 'Nueva respuesta a tu comentario en {page}',
    replyIntro: '{name} respondió a tu comentario en {page}:',
    threadSubject: 'Nuevo comentario en {page}',
    threadIntro: '{name} comentó en {page}:',
    view: 'Leer la conversación',
    unsubscribe: 'No recibir más estos correos',
    confirmSubject: 'Confirma los correos sobre comentarios en {site}',
    confirmIntro:
      'Alguien, esperamos que tú, pidió correos sobre nuevos comentarios en {site} para esta dirección. Confirma para recibirlos:',
    confirmAction: 'Confirmar',
    confirmIgnore: 'Si no fuiste tú, ignora este correo: no se enviará nada más.',
    someone: 'Alguien',
  },
  moderator: {
    heldSubject: 'Comentario pendiente de moderación en {page}',
    digestSubject: {
      one: '{n} comentario pendiente de moderación en {site}',
      many: '{n} de comentarios pendientes de moderación en {site}',
      other: '{n} comentarios pendientes de moderación en {site}',
    },
    heldOn: '{name} en {page}:',
    approve: 'Aprobar',
    reject: 'Rechazar',
    expiry: {
      one: 'Los enlaces para aprobar y rechazar caducan en {n} hora y piden confirmación antes de actuar.',
      many: 'Los enlaces para aprobar y rechazar caducan en {n} de horas y piden confirmación antes de actuar.',
      other: 'Los enlaces para aprobar y rechazar caducan en {n} horas y piden confirmación antes de actuar.',
    },
    stopMail: 'No recibir más correos de moderación de {site}',
  },
  page: {
    confirmTitle: 'Confirmar correos',
    confirmAsk: '¿Confirmas que esta dirección debe recibir los correos que pidió?',
    confirmButton: 'Confirmar',
    confirmDone: 'Confirmado. Recibirás correos sobre nuevos comentarios.',
    unsubscribeTitle: 'Cancelar suscripción',
    unsubscribeAsk: '¿Dejar de recibir estos correos?',
    unsubscribeButton: 'Cancelar suscripción',
    unsubscribeDone: 'Hecho. Ya no recibirás estos correos.',
    site: 'Correos sobre comentarios en {site}',
    moderateTitle: 'Moderar un comentario',
    moderateWrote: '{name} escribió en {page}:',
    moderateChanged: 'Este comentario cambió después de abrir esta página, así que no se hizo nada. Esto es lo que dice ahora:',
    approve: 'Aprobar',
    reject: 'Rechazar',
    approved: 'Aprobado: el comentario ya es visible.',
    rejected: 'Rechazado: el comentario sigue oculto.',
    someone: 'Alguien',
    invalidTitle: 'Enlace no válido',
    linkInvalid: 'Este enlace no es válido o ha caducado.',
    notHeld: 'Este comentario ya no está pendiente de moderación.',
  },
};
